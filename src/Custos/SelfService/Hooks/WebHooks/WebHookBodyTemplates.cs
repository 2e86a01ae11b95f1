using Custos.Courier.Templates;
using Custos.Hosting;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Reads a web hook's <c>body</c>: <c>file://</c>, <c>base64://</c>, <c>http(s)://</c> (through the SSRF-guarded
/// <see cref="WebHookHttpHandler"/> and a <see cref="RemoteTextCache"/>: 10 s, 1 MiB, kept for an hour as Kratos caches
/// fetched templates), and a bare path as <c>file://</c> (Kratos's deprecated legacy form). A template that cannot be
/// read fails the hook with a 500.
/// </summary>
internal sealed class WebHookBodyTemplates(WebHookHttpHandler handler, TimeProvider clock)
{
    private readonly RemoteTextCache _remote = new(new HttpClient(handler, disposeHandler: false), clock);

    public async Task<string> ReadAsync(string uri, CancellationToken ct)
    {
        if (RemoteTextCache.IsRemote(uri))
        {
            try
            {
                return await _remote.GetAsync(uri, ct);
            }
            catch (RemoteTextException e)
            {
                throw KratosErrors.Internal($"The web hook body template could not be fetched: {e.Message}.");
            }
        }

        var local = uri.Contains("://", StringComparison.Ordinal) ? uri : "file://" + uri;
        try
        {
            return TemplateFetcher.ReadLocal(local) ?? throw KratosErrors.Internal("The web hook body template has an unsupported URI scheme (use file://, base64://, http:// or https://).");
        }
        catch (CourierTemplateException e)
        {
            throw KratosErrors.Internal($"The web hook body template could not be read: {e.Message}");
        }
    }
}
