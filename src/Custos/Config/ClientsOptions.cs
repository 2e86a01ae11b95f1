using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>clients</c>: restrictions for outgoing connections.</summary>
internal sealed class ClientsOptions
{
    /// <summary><c>clients.http</c>: webhooks, schema and Jsonnet fetches.</summary>
    [ConfigurationKeyName("http")]
    public HttpClientOptions Http { get; set; } = new();

    /// <summary><c>clients.smtp</c>.</summary>
    [ConfigurationKeyName("smtp")]
    public SmtpClientOptions Smtp { get; set; } = new();

    /// <summary><c>clients.web_hook</c>.</summary>
    [ConfigurationKeyName("web_hook")]
    public WebHookClientOptions WebHook { get; set; } = new();
}
