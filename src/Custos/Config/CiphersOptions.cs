using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>ciphers</c>.</summary>
internal sealed class CiphersOptions
{
    /// <summary><c>ciphers.algorithm</c>: <c>noop</c> (default), <c>aes</c> or <c>xchacha20-poly1305</c>.</summary>
    [ConfigurationKeyName("algorithm")]
    public CipherAlgorithm Algorithm { get; set; } = CipherAlgorithm.Noop;
}
