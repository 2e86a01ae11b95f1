using System.Runtime.Serialization;

namespace Custos.Config;

/// <summary>Values of <c>hashers.algorithm</c>.</summary>
internal enum PasswordHashAlgorithm
{
    /// <summary><c>bcrypt</c>.</summary>
    [EnumMember(Value = "bcrypt")]
    Bcrypt,

    /// <summary><c>argon2</c>.</summary>
    [EnumMember(Value = "argon2")]
    Argon2,
}
