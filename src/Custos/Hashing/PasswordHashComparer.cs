using System.Security.Cryptography;
using System.Text;

namespace Custos.Hashing;

/// <summary>
/// Verifies a password against a stored hash in any format Kratos accepts (see <see cref="HashKind"/>), choosing the
/// algorithm by prefix. Every comparison is constant time. An unknown, garbled or out-of-bounds hash is a mismatch, never
/// an exception, so a bad imported row cannot break login.
/// </summary>
internal sealed class PasswordHashComparer
{
    /// <summary>
    /// Compares on a thread-pool thread. Passwords over <see cref="PasswordHasher.MaxPasswordLength"/> characters are a
    /// mismatch without any hashing work.
    /// </summary>
    public Task<bool> CompareAsync(string password, string storedHash, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(storedHash) || password is null || password.Length > PasswordHasher.MaxPasswordLength)
        {
            return Task.FromResult(false);
        }

        return Task.Run(() => Compare(password, storedHash), ct);
    }

    /// <summary>The synchronous core of <see cref="CompareAsync"/>.</summary>
    public bool Compare(string password, string storedHash)
    {
        if (string.IsNullOrEmpty(storedHash) || password is null || password.Length > PasswordHasher.MaxPasswordLength)
        {
            return false;
        }

        var kind = HashFormat.Detect(storedHash);
        if (kind is null)
        {
            return false;
        }

        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return Verify(kind.Value, bytes, storedHash);
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException or OverflowException)
        {
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static bool Verify(HashKind kind, byte[] password, string hash) =>
        kind switch
        {
            HashKind.Bcrypt => BcryptHash.Verify(password, hash),
            HashKind.Md5Crypt or HashKind.Sha256Crypt or HashKind.Sha512Crypt => CryptHash.Verify(kind, password, hash),
            HashKind.Argon2id or HashKind.Argon2i =>
                Argon2Hash.TryParse(hash, out var argon2) == HashImportProblem.None && argon2!.Verify(password),
            HashKind.Pbkdf2 => Pbkdf2Hash.TryParse(hash, out var pbkdf2) == HashImportProblem.None && pbkdf2!.Verify(password),
            HashKind.Scrypt => ScryptHash.TryParse(hash, out var scrypt) == HashImportProblem.None && scrypt!.Verify(password),
            HashKind.FirebaseScrypt =>
                FirebaseScryptHash.TryParse(hash, out var firebase) == HashImportProblem.None && firebase!.Verify(password),
            HashKind.Ssha => SaltedDigestHash.VerifySsha(password, hash),
            HashKind.Sha => SaltedDigestHash.VerifySha(password, hash),
            HashKind.Md5 => SaltedDigestHash.VerifyMd5(password, hash),
            HashKind.Hmac => HmacHash.Verify(password, hash),
            _ => false,
        };
}
