using System.Text.Json;
using Custos.Hosting;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// A <c>web_hook</c> entry's <c>config</c>, read as Kratos reads it: <c>url</c>, <c>method</c>, <c>headers</c>,
/// <c>body</c> (Jsonnet template URI), <c>auth</c> (<c>api_key</c> in a header or cookie, or <c>basic_auth</c>),
/// <c>response.ignore</c>, <c>response.parse</c> or its deprecated alias <c>can_interrupt</c>,
/// <c>emit_analytics_event</c> (default true) and <c>id</c>.
/// </summary>
internal sealed record WebHookConfig
{
    public string? Id { get; init; }
    public required string Url { get; init; }
    public required string Method { get; init; }

    /// <summary>Configured headers, <c>Content-Type</c> excluded (see <see cref="ContentType"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary><c>application/json</c> unless <c>headers</c> sets another <c>Content-Type</c>.</summary>
    public string ContentType { get; init; } = WebHookContentTypes.Json;

    public string? BodyUri { get; init; }
    public WebHookAuth? Auth { get; init; }

    /// <summary><c>response.ignore</c>: delivered in the background, its answer ignored.</summary>
    public bool Ignore { get; init; }

    /// <summary><c>response.parse</c> or <c>can_interrupt</c>: the answer may change the identity or interrupt the flow.</summary>
    public bool Parse { get; init; }

    public bool EmitAnalyticsEvent { get; init; } = true;

    /// <summary>Reads <paramref name="config"/>; a configuration Kratos refuses at run time answers its 500.</summary>
    public static WebHookConfig From(JsonElement? config)
    {
        if (config is not { ValueKind: JsonValueKind.Object } c || Text(c, "url") is not { } url || Text(c, "method") is not { } method)
        {
            throw KratosErrors.Misconfiguration("A web_hook needs a config object with url and method.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var contentType = WebHookContentTypes.Json;
        if (c.TryGetProperty("headers", out var configured) && configured.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in configured.EnumerateObject())
            {
                var value = header.Value.ValueKind == JsonValueKind.String ? header.Value.GetString()! : header.Value.GetRawText();
                if (header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = value;
                }
                else
                {
                    headers.Add(new(header.Name, value));
                }
            }
        }

        var response = c.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var ignore = IsTrue(response, "ignore");
        var parse = IsTrue(response, "parse") || IsTrue(c, "can_interrupt");
        if (ignore && parse)
        {
            throw KratosErrors.Internal("A webhook is configured to ignore the response but also to parse the response. This is not possible.");
        }

        return new WebHookConfig
        {
            Id = Text(c, "id"),
            Url = url,
            Method = method.ToUpperInvariant(),
            Headers = headers,
            ContentType = contentType,
            BodyUri = Text(c, "body"),
            Auth = c.TryGetProperty("auth", out var auth) ? WebHookAuth.From(auth) : null,
            Ignore = ignore,
            Parse = parse,
            EmitAnalyticsEvent = !c.TryGetProperty("emit_analytics_event", out var emit) || emit.ValueKind != JsonValueKind.False,
        };
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;

    private static bool IsTrue(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
