using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>secrets</c>: the first entry of each list signs/encrypts, the others only verify/decrypt.</summary>
internal sealed class SecretsOptions
{
    /// <summary><c>secrets.default</c>: general signing secrets (each ≥ 16 chars); a random per-process secret when unset.</summary>
    [ConfigurationKeyName("default")]
    public List<string> Default { get; set; } = [];

    /// <summary><c>secrets.cookie</c>: cookie secrets (each ≥ 16 chars); falls back to <c>secrets.default</c>.</summary>
    [ConfigurationKeyName("cookie")]
    public List<string> Cookie { get; set; } = [];

    /// <summary><c>secrets.cipher</c>: exactly 32-character keys; required for <c>aes</c> / <c>xchacha20-poly1305</c>.</summary>
    [ConfigurationKeyName("cipher")]
    public List<string> Cipher { get; set; } = [];

    /// <summary><c>secrets.pagination</c>: page-token encryption keys (each ≥ 16 chars).</summary>
    [ConfigurationKeyName("pagination")]
    public List<string> Pagination { get; set; } = [];

    /// <summary><c>secrets.cookie</c> when non-empty, else <c>secrets.default</c>.</summary>
    public IReadOnlyList<string> CookieSecrets() => Cookie.Count > 0 ? Cookie : Default;
}
