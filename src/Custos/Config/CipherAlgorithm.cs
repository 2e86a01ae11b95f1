using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>ciphers.algorithm</c>.</summary>
internal enum CipherAlgorithm
{
    /// <summary><c>noop</c>.</summary>
    [EnumMember(Value = "noop")]
    Noop,

    /// <summary><c>aes</c>.</summary>
    [EnumMember(Value = "aes")]
    Aes,

    /// <summary><c>xchacha20-poly1305</c>.</summary>
    [EnumMember(Value = "xchacha20-poly1305")]
    XChaCha20Poly1305,
}
