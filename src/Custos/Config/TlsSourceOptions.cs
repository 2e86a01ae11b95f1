using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve.*.tls.cert</c> / <c>serve.*.tls.key</c>: where PEM material comes from.</summary>
internal sealed class TlsSourceOptions
{
    /// <summary><c>serve.*.tls.{cert,key}.path</c>: file path.</summary>
    [ConfigurationKeyName("path")]
    public string? Path { get; set; }

    /// <summary><c>serve.*.tls.{cert,key}.base64</c>: base64-encoded PEM.</summary>
    [ConfigurationKeyName("base64")]
    public string? Base64 { get; set; }

    /// <summary>True when a path or inline value is set.</summary>
    public bool IsConfigured() => !string.IsNullOrEmpty(Path) || !string.IsNullOrEmpty(Base64);
}
