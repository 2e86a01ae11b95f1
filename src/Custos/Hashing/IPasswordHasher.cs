namespace Custos.Hashing;

/// <summary>The configured hasher (<c>hashers.algorithm</c>) that writes new password hashes.</summary>
internal interface IPasswordHasher
{
    /// <summary>
    /// Hashes <paramref name="password"/> on a thread-pool thread (the work is deliberately slow).
    /// Nothing is truncated: with bcrypt, a password over 72 UTF-8 bytes is hashed with argon2id instead.
    /// </summary>
    /// <exception cref="PasswordTooLongException">The password has more than 4096 characters.</exception>
    Task<string> GenerateAsync(string password, CancellationToken ct);

    /// <summary>
    /// Whether <paramref name="hash"/> is in this hasher's format (argon2: <c>$argon2id$</c>; bcrypt: <c>$2?$</c>).
    /// As in Kratos, differing cost parameters within the same format still count as understood.
    /// </summary>
    bool Understands(string hash);

    /// <summary>
    /// Whether a successful login should re-hash the password and store the result: when the stored hash is in a format
    /// this hasher does not understand, unless re-hashing would produce that format again (a bcrypt configuration hashes
    /// passwords over 72 bytes with argon2id, so re-hashing those on every login would gain nothing).
    /// </summary>
    bool NeedsRehash(string storedHash, string password) => !Understands(storedHash);
}
