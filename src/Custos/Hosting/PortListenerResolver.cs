namespace Custos.Hosting;

/// <summary>
/// Decides by the local port the connection was accepted on — never by the Host header, which a client controls.
/// The in-memory test server has no socket (local port 0); there the request's Host port stands in.
/// </summary>
internal sealed class PortListenerResolver(int publicPort, int adminPort) : IListenerResolver
{
    public Listener Resolve(HttpContext context)
    {
        var port = context.Connection.LocalPort;
        if (port == 0 && context.Connection.RemoteIpAddress is null)
        {
            port = context.Request.Host.Port ?? 0;
        }

        return port == adminPort && adminPort != publicPort ? Listener.Admin : Listener.Public;
    }
}
