namespace Custos.Hashing;

/// <summary>
/// The <c>hashers</c> configuration the <see cref="PasswordHasher"/> is built from.
/// </summary>
/// <param name="Algorithm"><c>hashers.algorithm</c>: <c>argon2</c> or <c>bcrypt</c>.</param>
/// <param name="BcryptCost"><c>hashers.bcrypt.cost</c>; raised to 12 unless <paramref name="Dev"/>, then at least 4.</param>
/// <param name="Argon2MemoryKiB"><c>hashers.argon2.memory</c> in KiB (128MB = 131072).</param>
/// <param name="Argon2Iterations"><c>hashers.argon2.iterations</c>.</param>
/// <param name="Argon2Parallelism"><c>hashers.argon2.parallelism</c> (Kratos default: twice the CPU count).</param>
/// <param name="Argon2SaltLength"><c>hashers.argon2.salt_length</c> in bytes.</param>
/// <param name="Argon2KeyLength"><c>hashers.argon2.key_length</c> in bytes.</param>
/// <param name="Dev">Started with <c>--dev</c>: allows bcrypt costs below 12.</param>
internal sealed record HasherSettings(
    string Algorithm,
    int BcryptCost,
    uint Argon2MemoryKiB,
    uint Argon2Iterations,
    uint Argon2Parallelism,
    uint Argon2SaltLength,
    uint Argon2KeyLength,
    bool Dev)
{
    public const string Argon2 = "argon2";
    public const string Bcrypt = "bcrypt";
    public const int DefaultBcryptCost = 12;

    /// <summary>Kratos's defaults (the schema's default algorithm is bcrypt).</summary>
    public static HasherSettings Defaults { get; } = new(
        Bcrypt, DefaultBcryptCost, 128 * 1024, 1, (uint)(2 * Environment.ProcessorCount), 16, 32, Dev: false);

    /// <summary>The cost bcrypt hashes are written with: below 12 only in dev mode, and never below bcrypt's minimum of 4.</summary>
    public int EffectiveBcryptCost => Math.Max(Dev ? BcryptHash.MinCost : DefaultBcryptCost, BcryptCost);
}
