using System.Net;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.Admin.Webhooks;

/// <summary>
/// Reads and checks the body of <c>POST /admin/webhooks</c>: <c>url</c> an absolute http(s) URL, <c>events</c> a
/// non-empty list of known types or globs. A literal private address is refused here already, under the rules the
/// delivery applies (<c>clients.http</c>); a host name is checked when each delivery resolves it. Every problem is a 400.
/// </summary>
internal sealed class EventWebhookRequestReader(WebHookHttpHandler http)
{
    public const int MaxUrlLength = 2048;
    public const int MaxEvents = 64;

    public (string Url, IReadOnlyList<string> Events) Read(JsonNode body)
    {
        if (body is not JsonObject o)
        {
            throw KratosErrors.BadRequest("The request body must be a JSON object with \"url\" and \"events\".");
        }

        return (ReadUrl(o["url"]), ReadEvents(o["events"]));
    }

    private string ReadUrl(JsonNode? node)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var url) || url.Length == 0)
        {
            throw KratosErrors.BadRequest("\"url\" must be a non-empty string.");
        }

        if (url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.Host.Length == 0
            || uri.UserInfo.Length > 0)
        {
            throw KratosErrors.BadRequest($"\"url\" must be an absolute http or https URL without credentials, at most {MaxUrlLength} characters.");
        }

        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !PublicAddress.IsPublic(address) && !http.IsExempt(uri))
        {
            throw KratosErrors.BadRequest(
                $"\"url\" points at {address}, which is not a public address; allow it with clients.http.private_ip_exception_urls or disallow_private_ip_ranges: false.");
        }

        return url;
    }

    private static List<string> ReadEvents(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0 || array.Count > MaxEvents)
        {
            throw KratosErrors.BadRequest($"\"events\" must be a list of 1 to {MaxEvents} event types or globs.");
        }

        var events = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var pattern))
            {
                throw KratosErrors.BadRequest("Every entry of \"events\" must be a string.");
            }

            if (EventPatterns.Problem(pattern) is { } problem)
            {
                throw KratosErrors.BadRequest(problem);
            }

            if (!events.Contains(pattern, StringComparer.Ordinal))
            {
                events.Add(pattern);
            }
        }

        return events;
    }
}
