namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>The SSRF guard refused a web-hook target: its host is, or resolves to, an address that is not public.</summary>
internal sealed class PrivateAddressRefusedException(string host)
    : Exception($"refused to connect to \"{host}\": it is or resolves to an address that is not public (clients.http.disallow_private_ip_ranges)")
{
    public string Host { get; } = host;

    /// <summary>The refusal somewhere in <paramref name="error"/>'s inner exceptions, or null.</summary>
    public static PrivateAddressRefusedException? Find(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is PrivateAddressRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
