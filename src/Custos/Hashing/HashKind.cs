namespace Custos.Hashing;

/// <summary>The stored-hash formats Kratos verifies, in Kratos's detection order (the first matching prefix wins).</summary>
internal enum HashKind
{
    Md5Crypt,
    Bcrypt,
    Sha256Crypt,
    Sha512Crypt,
    Argon2id,
    Argon2i,
    Pbkdf2,
    Scrypt,
    Ssha,
    Sha,
    FirebaseScrypt,
    Md5,
    Hmac,
}
