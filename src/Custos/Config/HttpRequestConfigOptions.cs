using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.http.request_config</c> / <c>courier.channels[].request_config</c>: an outgoing HTTP request.</summary>
internal sealed class HttpRequestConfigOptions
{
    /// <summary><c>...request_config.url</c>: http(s) endpoint.</summary>
    [ConfigurationKeyName("url")]
    [ConfigUrl(Absolute = true, Schemes = ["http", "https"])]
    public string? Url { get; set; }

    /// <summary><c>...request_config.method</c>. Default POST.</summary>
    [ConfigurationKeyName("method")]
    public string Method { get; set; } = "POST";

    /// <summary><c>...request_config.headers</c>.</summary>
    [ConfigurationKeyName("headers")]
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary><c>...request_config.body</c>: Jsonnet template URI (<c>file://</c>, <c>base64://</c>, <c>http(s)://</c>); unset means the built-in body.</summary>
    [ConfigurationKeyName("body")]
    public string? Body { get; set; }

    /// <summary><c>...request_config.auth</c>: <c>api_key</c> or <c>basic_auth</c>.</summary>
    [ConfigurationKeyName("auth")]
    public HttpAuthOptions Auth { get; set; } = new();
}
