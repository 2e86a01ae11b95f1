using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>courier.http</c>.</summary>
internal sealed class CourierHttpOptions
{
    /// <summary><c>courier.http.request_config</c>: the HTTP request made for each e-mail.</summary>
    [ConfigurationKeyName("request_config")]
    public HttpRequestConfigOptions RequestConfig { get; set; } = new();
}
