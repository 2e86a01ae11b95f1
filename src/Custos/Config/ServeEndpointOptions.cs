using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve.public</c> / <c>serve.admin</c>: one listener.</summary>
internal sealed class ServeEndpointOptions
{
    /// <summary><c>serve.*.base_url</c>: the externally visible URL; drives every absolute URL Custos emits.</summary>
    [ConfigurationKeyName("base_url")]
    [ConfigUrl(Absolute = true, Schemes = ["http", "https"])]
    public string? BaseUrl { get; set; }

    /// <summary><c>serve.*.host</c>: interface to bind. Default <c>0.0.0.0</c>.</summary>
    [ConfigurationKeyName("host")]
    public string Host { get; set; } = "0.0.0.0";

    /// <summary><c>serve.*.port</c>: TCP port, 1..65535. Default 4433 (public) / 4434 (admin).</summary>
    [ConfigurationKeyName("port")]
    [Range(1, 65535)]
    public int Port { get; set; }

    /// <summary><c>serve.public.cors</c>: CORS settings (only honoured on the public listener).</summary>
    [ConfigurationKeyName("cors")]
    public CorsOptions Cors { get; set; } = new();

    /// <summary><c>serve.*.tls</c>: TLS certificate and key.</summary>
    [ConfigurationKeyName("tls")]
    public TlsOptions Tls { get; set; } = new();

    /// <summary><c>serve.*.request_log</c>: request logging switches.</summary>
    [ConfigurationKeyName("request_log")]
    public RequestLogOptions RequestLog { get; set; } = new();

    /// <summary>
    /// <c>serve.public.trusted_proxies</c> (a Custos key): CIDRs (<c>10.0.0.0/8</c>, <c>::1/128</c>) or single addresses of
    /// reverse proxies whose <c>X-Forwarded-For</c> is believed when they connect. Default empty: the connection's address
    /// is the client's. Only the public listener reads it.
    /// </summary>
    [ConfigurationKeyName("trusted_proxies")]
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary><c>serve.*.socket</c>: unix socket ownership (accepted for compatibility).</summary>
    [ConfigurationKeyName("socket")]
    public SocketOptions Socket { get; set; } = new();

    /// <summary>
    /// The configured <c>base_url</c>, or <c>http(s)://host:port/</c> derived from the listener (https unless
    /// <paramref name="dev"/>; a wildcard or empty host becomes <c>127.0.0.1</c>). Always ends with <c>/</c>.
    /// </summary>
    public string EffectiveBaseUrl(bool dev)
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl))
        {
            return BaseUrl.EndsWith('/') ? BaseUrl : BaseUrl + "/";
        }

        var host = Host is "" or "0.0.0.0" or "::" or "[::]" ? "127.0.0.1" : Host;
        if (host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('['))
        {
            host = "[" + host + "]";
        }

        var scheme = dev ? "http" : "https";
        return string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{Port}/");
    }
}
