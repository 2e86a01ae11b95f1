using System.Security.Cryptography;
using System.Text;
using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

/// <summary>bcrypt, argon2, PBKDF2, scrypt and Firebase scrypt against vectors from Kratos's tests and its API docs
/// (Go implementations) or computed independently here or with Python's hashlib.</summary>
public sealed class ModernHashVerificationTests
{
    private readonly PasswordHashComparer _comparer = new();

    [Theory]
    [InlineData("test", "$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("123456", "$2a$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq")]
    [InlineData("123456", "$2b$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq")]
    [InlineData("123456", "$2y$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq")]
    [InlineData("123456", "$2$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq")]
    [InlineData("123456", "$2z$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq")]
    [InlineData("123456", "$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("test", "$argon2id$v=19$m=32,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("test", "$argon2id$v=19$m=32,t=5,p=4$cm94YnRVOW5jZzFzcVE4bQ$fBxypOL0nP/zdPE71JtAV71i487LbX3fJI5PoTN6Lp4")]
    [InlineData("test", "$argon2i$v=19$m=65536,t=3,p=4$kk51rW/vxIVCYn+EG4kTSg$NyT88uraJ6im6dyha/M5jhXvpqlEdlS/9fEm7ScMb8c")]
    [InlineData("123456", "$argon2i$v=19$m=65536,t=3,p=4$STVE4CQ9qQ1dK/j224VMbA$o8b+k5wdHgBqf7ES+aWG2K7Y9diQ6ahEhbW8zcstXGo")]
    [InlineData("123456", "$pbkdf2-sha256$i=1000,l=128$e8/arsEf4cvQihdNgqj0Nw$5xQQKNTyeTHx2Ld5/JDE7A")]
    [InlineData("test", "$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("test", "$pbkdf2-sha512$i=100000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPwc")]
    [InlineData("correct horse", "$pbkdf2-sha224$i=1000,l=32$Y3VzdG9zLXNhbHQtMDAwMQ$0eWg+2NkwmwOLiycvOodUXyhx0Lx+w78MGRsoaU93fU")]
    [InlineData("correct horse", "$pbkdf2-sha384$i=1000,l=32$Y3VzdG9zLXNhbHQtMDAwMQ$hXv9eM+cPnDFjIKM3LinlMsFsROVeUjmG9xblixUR/Q")]
    [InlineData("123456", "$scrypt$ln=16384,r=8,p=1$ZtQva9xCHzlSELH/mA7Kj5KjH2tCrkbwYzdxknkL0QQ=$pnTcXKaWVT+FwFDdk3vO1K0J7ZgOxdSU1tCJNYmn8zI=")]
    [InlineData("test", "$scrypt$ln=16384,r=8,p=1$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("correct horse", "$scrypt$ln=1024,r=8,p=1$c2NyeXB0LXNhbHQtMTIzNA==$GdF+v6lBvdbBcabm2+Ga9+p/MgUS1XSAtmN9wNEoBw8=")]
    [InlineData("8x4WjoDbSxJZdR", "$firescrypt$ln=14,r=8,p=1$sPtDhWcd1MfdAw==$xbSou7FOl6mChCyzpCPIQ7tku7nsQMTFtyOZSXXd7tjBa4NtimOx7v42Gv2SfzPQu1oxM2/k4SsbOu73wlKe1A==$Bw==$YE0dO4bwD4JnJafh6lZZfkp1MtKzuKAXQcDCJNJNyeCHairWHKENOkbh3dzwaCdizzOspwr/FITUVlnOAwPKyw==")]
    [InlineData("correct horse", "$firescrypt$ln=10,r=8,p=1$ZmJzYWx0MTI=$N+3kCa8nwyIllLuFP/M1rJjFuV5tK0mamNyu5MVMg3Yc813wWkEYRw==$Bw==$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJw==")]
    public void Compare_KnownVector_Matches(string password, string hash)
    {
        var matches = _comparer.Compare(password, hash);

        Assert.True(matches);
    }

    [Theory]
    [InlineData("$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$argon2id$v=19$m=32,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=4$kk51rW/vxIVCYn+EG4kTSg$NyT88uraJ6im6dyha/M5jhXvpqlEdlS/9fEm7ScMb8c")]
    [InlineData("$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$scrypt$ln=16384,r=8,p=1$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("$firescrypt$ln=14,r=8,p=1$sPtDhWcd1MfdAw==$xbSou7FOl6mChCyzpCPIQ7tku7nsQMTFtyOZSXXd7tjBa4NtimOx7v42Gv2SfzPQu1oxM2/k4SsbOu73wlKe1A==$Bw==$YE0dO4bwD4JnJafh6lZZfkp1MtKzuKAXQcDCJNJNyeCHairWHKENOkbh3dzwaCdizzOspwr/FITUVlnOAwPKyw==")]
    public void Compare_WrongPassword_DoesNotMatch(string hash)
    {
        var matches = _comparer.Compare("tesu", hash);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL7")]
    [InlineData("$argon2id$v=19$m=32,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRN2")]
    [InlineData("$argon2id$v=19$m=32,t=5,p=4$cm94YnRVOW5jZzFzcVE4bQ$fBxypOL0nP/zdPE71JtAV71i487LbX3fJI5PoTN6Lp5")]
    [InlineData("$argon2i$v=19$m=65536,t=3,p=4$pZ+27D6B0bCi0DwSmANF1w$4RNCUu4Uyu7eTIvzIdSuKz+I9idJlX/ykn6J10/W0EU")]
    [InlineData("$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpp")]
    [InlineData("$pbkdf2-sha512$i=100000,l=32$bdHBpn7OWOivJMVJypy2UqR0UnaD5prQXRZevj/05YU$+wArTfv1a+bNGO1iZrmEdVjhA+lL11wF4/IxpgYfPww")]
    [InlineData("$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXcc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$pbkdf2-sha256$i=100000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpII")]
    [InlineData("$scrypt$ln=16384,r=8,p=1$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYF=")]
    [InlineData("$scrypt$ln=16385,r=8,p=1$2npRo7P03Mt8keSoMbyD/tKFWyUzjiQf2svUaNDSrhA=$MiCzNcIplSMqSBrm4HckjYqYhaVPPjTARTzwB1cVNYE=")]
    [InlineData("$firescrypt$ln=14,r=8,p=1$sPtDhWcd1MfdAw==$xbSou7FOl6mChCyzpCPIQ7tku7nsQMTFtyOZSXXd7tjBa4NtimOx7v42Gv2SfzPQu1oxM2/k4SsbOu73wlKe1A==$Bw==$YE0dO4bwD4JnJafh6lZZfkp1MtKzuKAXQcDCJNJNyeCHairWHKENOkbh3dzwaCdizzOspwr/FITUVlnOAwPKyc==")]
    public void Compare_TamperedHash_DoesNotMatch(string hash)
    {
        var matches = _comparer.Compare("test", hash);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("sha1")]
    [InlineData("sha256")]
    [InlineData("sha512")]
    public void Compare_Pbkdf2ComputedIndependently_Matches(string algorithm)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var name = algorithm switch { "sha1" => HashAlgorithmName.SHA1, "sha512" => HashAlgorithmName.SHA512, _ => HashAlgorithmName.SHA256 };
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("pässwörd"), salt, 1000, name, 24);
        var hash = $"$pbkdf2-{algorithm}$i=1000,l=99${Unpadded(salt)}${Unpadded(key)}";

        Assert.True(_comparer.Compare("pässwörd", hash));
        Assert.False(_comparer.Compare("passwörd", hash));
    }

    [Fact]
    public void Compare_Pbkdf2UnknownDigest_FallsBackToSha256()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("secret"), salt, 500, HashAlgorithmName.SHA256, 32);

        var matches = _comparer.Compare("secret", $"$pbkdf2-sha999$i=500,l=32${Unpadded(salt)}${Unpadded(key)}");

        Assert.True(matches);
    }

    [Fact]
    public void Compare_Bcrypt73Bytes_DoesNotMatchEvenWithCorrectPrefix()
    {
        var hasher = new PasswordHasher(HasherSettings.Defaults with { BcryptCost = 4, Dev = true });
        var hash = hasher.Generate(new string('a', 72));

        Assert.True(_comparer.Compare(new string('a', 72), hash));
        Assert.False(_comparer.Compare(new string('a', 73), hash));
    }

    [Fact]
    public void Compare_BcryptCostAbove15_DoesNotMatch()
    {
        // A valid cost-4 hash relabelled as cost 16 must be refused before any work, not computed for minutes.
        var hash = new PasswordHasher(HasherSettings.Defaults with { BcryptCost = 4, Dev = true }).Generate("test");

        var matches = _comparer.Compare("test", "$2a$16$" + hash[7..]);

        Assert.False(matches);
    }

    [Fact]
    public void Compare_Argon2ViaLibsodiumAndLibargon2_AgreeOnSingleLane()
    {
        var password = Encoding.UTF8.GetBytes("agree");
        var salt = RandomNumberGenerator.GetBytes(16);
        var fromSodium = new byte[32];
        var fromArgon2 = new byte[32];

        Assert.True(LibSodium.Argon2id(password, salt, 2, 64, fromSodium));
        Assert.True(LibArgon2.Hash(Argon2Variant.Argon2id, password, salt, 2, 64, 1, fromArgon2));
        Assert.Equal(fromArgon2, fromSodium);
    }

    [Theory]
    [InlineData(nameof(Argon2Variant.Argon2id), 12)]
    [InlineData(nameof(Argon2Variant.Argon2i), 32)]
    public void Compare_Argon2OutsideLibsodiumLimits_VerifiesWithLibargon2(string variant, int keyLength)
    {
        var kind = Enum.Parse<Argon2Variant>(variant);
        var salt = RandomNumberGenerator.GetBytes(16);
        var key = new byte[keyLength];
        Assert.True(LibArgon2.Hash(kind, "short key"u8, salt, 3, 64, 2, key));
        var hash = new Argon2Hash(kind, 64, 3, 2, salt, key).Encode();

        Assert.True(_comparer.Compare("short key", hash));
        Assert.False(_comparer.Compare("short kex", hash));
    }

    [Fact]
    public async Task CompareAsync_KnownVector_Matches()
    {
        var matches = await _comparer.CompareAsync(
            "123456", "$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", CancellationToken.None);

        Assert.True(matches);
    }

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
