using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve.*.tls</c>: certificate and key, each from a file path or base64.</summary>
internal sealed class TlsOptions
{
    /// <summary><c>serve.*.tls.cert</c>: PEM certificate (<c>path</c> or <c>base64</c>).</summary>
    [ConfigurationKeyName("cert")]
    public TlsSourceOptions Cert { get; set; } = new();

    /// <summary><c>serve.*.tls.key</c>: PEM private key (<c>path</c> or <c>base64</c>).</summary>
    [ConfigurationKeyName("key")]
    public TlsSourceOptions Key { get; set; } = new();

    /// <summary>True when both a certificate and a key are configured.</summary>
    public bool IsConfigured() => Cert.IsConfigured() && Key.IsConfigured();
}
