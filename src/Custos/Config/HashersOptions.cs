using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>hashers</c>: how new password hashes are produced.</summary>
internal sealed class HashersOptions
{
    /// <summary><c>hashers.algorithm</c>: <c>bcrypt</c> (default) or <c>argon2</c>.</summary>
    [ConfigurationKeyName("algorithm")]
    public PasswordHashAlgorithm Algorithm { get; set; } = PasswordHashAlgorithm.Bcrypt;

    /// <summary><c>hashers.bcrypt</c>.</summary>
    [ConfigurationKeyName("bcrypt")]
    public BcryptOptions Bcrypt { get; set; } = new();

    /// <summary><c>hashers.argon2</c>.</summary>
    [ConfigurationKeyName("argon2")]
    public Argon2Options Argon2 { get; set; } = new();
}
