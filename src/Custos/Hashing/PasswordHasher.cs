using System.Security.Cryptography;
using System.Text;

namespace Custos.Hashing;

/// <summary>Writes new password hashes with the configured algorithm, argon2id or bcrypt, in Kratos's formats.</summary>
internal sealed class PasswordHasher : IPasswordHasher
{
    /// <summary>Passwords over this many UTF-16 characters are refused before any hashing work.</summary>
    public const int MaxPasswordLength = 4096;

    private readonly HasherSettings _settings;
    private readonly bool _bcrypt;
    private readonly uint _argon2Parallelism;

    public PasswordHasher(HasherSettings settings)
    {
        _bcrypt = settings.Algorithm switch
        {
            HasherSettings.Bcrypt => true,
            HasherSettings.Argon2 => false,
            _ => throw new ArgumentException($"Unknown hashers.algorithm '{settings.Algorithm}'; expected argon2 or bcrypt.", nameof(settings)),
        };
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.BcryptCost, BcryptHash.MaxCost, "hashers.bcrypt.cost");
        ArgumentOutOfRangeException.ThrowIfZero(settings.Argon2Iterations, "hashers.argon2.iterations");
        ArgumentOutOfRangeException.ThrowIfZero(settings.Argon2Parallelism, "hashers.argon2.parallelism");
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Argon2SaltLength, 16u, "hashers.argon2.salt_length");
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Argon2KeyLength, 16u, "hashers.argon2.key_length");

        // The comparator refuses argon2 parameters beyond Kratos's import bounds, so a hash written with larger ones could
        // never be verified. Lanes are only a speed knob, so the default of 2 x CPU is capped; memory and iterations
        // are explicit choices and fail fast instead.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Argon2MemoryKiB, Argon2Hash.MaxMemoryKiB, "hashers.argon2.memory");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.Argon2Iterations, Argon2Hash.MaxIterations, "hashers.argon2.iterations");
        _argon2Parallelism = Math.Min(settings.Argon2Parallelism, Argon2Hash.MaxParallelism);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Argon2MemoryKiB, 8 * _argon2Parallelism, "hashers.argon2.memory");
        _settings = settings;
    }

    public Task<string> GenerateAsync(string password, CancellationToken ct)
    {
        EnsureLength(password);
        return Task.Run(() => Generate(password), ct);
    }

    /// <summary>The synchronous core of <see cref="GenerateAsync"/>, for callers already off the request path.</summary>
    public string Generate(string password)
    {
        EnsureLength(password);
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return UsesBcrypt(bytes)
                ? BcryptHash.Generate(bytes, _settings.EffectiveBcryptCost)
                : GenerateArgon2id(bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    public bool Understands(string hash) =>
        HashFormat.Detect(hash) == (_bcrypt ? HashKind.Bcrypt : HashKind.Argon2id);

    public bool NeedsRehash(string storedHash, string password)
    {
        if (Understands(storedHash))
        {
            return false;
        }

        // With bcrypt configured, a password bcrypt cannot take is stored as argon2id; that is already the target.
        return !(_bcrypt
            && HashFormat.Detect(storedHash) == HashKind.Argon2id
            && !UsesBcrypt(Encoding.UTF8.GetBytes(password)));
    }

    // Nothing is ever truncated: bcrypt ignores bytes past 72 and C strings end at NUL, so such passwords go to argon2id.
    private bool UsesBcrypt(ReadOnlySpan<byte> password) =>
        _bcrypt && password.Length <= BcryptHash.MaxPasswordBytes && !password.Contains((byte)0);

    private string GenerateArgon2id(ReadOnlySpan<byte> password)
    {
        var salt = RandomNumberGenerator.GetBytes((int)_settings.Argon2SaltLength);
        var key = Argon2Hash.Derive(
            Argon2Variant.Argon2id, password, salt, _settings.Argon2Iterations, _settings.Argon2MemoryKiB, _argon2Parallelism,
            (int)_settings.Argon2KeyLength)
            ?? throw new InvalidOperationException("The argon2 library refused the configured hashers.argon2 parameters.");
        return new Argon2Hash(Argon2Variant.Argon2id, _settings.Argon2MemoryKiB, _settings.Argon2Iterations, _argon2Parallelism, salt, key)
            .Encode();
    }

    private static void EnsureLength(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaxPasswordLength)
        {
            throw new PasswordTooLongException();
        }
    }
}
