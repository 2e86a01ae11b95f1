using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

public sealed class PasswordHasherTests
{
    private static readonly HasherSettings FastArgon2 = new("argon2", 12, 1024, 1, 1, 16, 32, Dev: false);
    private static readonly HasherSettings FastBcrypt = FastArgon2 with { Algorithm = "bcrypt", BcryptCost = 4, Dev = true };
    private readonly PasswordHashComparer _comparer = new();

    [Theory]
    [InlineData(1u)]
    [InlineData(2u)]
    public async Task GenerateAsync_Argon2_WritesKratosFormatThatVerifies(uint parallelism)
    {
        var hasher = new PasswordHasher(FastArgon2 with { Argon2Parallelism = parallelism });

        var hash = await hasher.GenerateAsync("correct horse battery", CancellationToken.None);

        Assert.Matches($@"^\$argon2id\$v=19\$m=1024,t=1,p={parallelism}\$[A-Za-z0-9+/]{{22}}\$[A-Za-z0-9+/]{{43}}$", hash);
        Assert.True(_comparer.Compare("correct horse battery", hash));
        Assert.False(_comparer.Compare("correct horse battery!", hash));
    }

    [Fact]
    public async Task GenerateAsync_Bcrypt_WritesVersion2aThatVerifies()
    {
        var hasher = new PasswordHasher(FastBcrypt);

        var hash = await hasher.GenerateAsync("correct horse battery", CancellationToken.None);

        Assert.Matches(@"^\$2a\$04\$[./A-Za-z0-9]{53}$", hash);
        Assert.True(_comparer.Compare("correct horse battery", hash));
        Assert.False(_comparer.Compare("correct horse batter", hash));
    }

    [Fact]
    public async Task GenerateAsync_SamePasswordTwice_UsesFreshSalts()
    {
        var hasher = new PasswordHasher(FastBcrypt);

        var first = await hasher.GenerateAsync("same", CancellationToken.None);
        var second = await hasher.GenerateAsync("same", CancellationToken.None);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task GenerateAsync_BcryptPasswordOver72Bytes_FallsBackToArgon2id()
    {
        var hasher = new PasswordHasher(FastBcrypt);
        var password = new string('ü', 37); // 74 UTF-8 bytes, 37 characters

        var hash = await hasher.GenerateAsync(password, CancellationToken.None);

        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", hash, StringComparison.Ordinal);
        Assert.True(_comparer.Compare(password, hash));
        Assert.False(_comparer.Compare(password[..^1], hash));
    }

    [Fact]
    public async Task GenerateAsync_BcryptPasswordOfExactly72Bytes_StaysBcrypt()
    {
        var hasher = new PasswordHasher(FastBcrypt);

        var hash = await hasher.GenerateAsync(new string('x', 72), CancellationToken.None);

        Assert.StartsWith("$2a$04$", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateAsync_BcryptPasswordWithNul_FallsBackToArgon2id()
    {
        var hasher = new PasswordHasher(FastBcrypt);

        var hash = await hasher.GenerateAsync("abc\0def", CancellationToken.None);

        Assert.StartsWith("$argon2id$", hash, StringComparison.Ordinal);
        Assert.False(_comparer.Compare("abc", hash));
    }

    [Fact]
    public async Task GenerateAsync_Exactly4096Characters_IsHashed()
    {
        var hasher = new PasswordHasher(FastArgon2);

        var hash = await hasher.GenerateAsync(new string('p', PasswordHasher.MaxPasswordLength), CancellationToken.None);

        Assert.True(_comparer.Compare(new string('p', PasswordHasher.MaxPasswordLength), hash));
    }

    [Fact]
    public async Task GenerateAsync_Over4096Characters_ThrowsPasswordTooLong()
    {
        var hasher = new PasswordHasher(FastArgon2);

        var error = await Assert.ThrowsAsync<PasswordTooLongException>(
            () => hasher.GenerateAsync(new string('p', PasswordHasher.MaxPasswordLength + 1), CancellationToken.None));

        Assert.Equal(4096, error.MaxLength);
    }

    [Fact]
    public async Task CompareAsync_Over4096Characters_IsFalse()
    {
        var hash = await new PasswordHasher(FastArgon2).GenerateAsync("short", CancellationToken.None);

        var matches = await _comparer.CompareAsync(new string('p', 4097), hash, CancellationToken.None);

        Assert.False(matches);
    }

    [Theory]
    [InlineData("argon2", "$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", true)]
    [InlineData("argon2", "$argon2id$v=19$m=65536,t=9,p=16$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", true)]
    [InlineData("argon2", "$argon2i$v=19$m=65536,t=3,p=4$STVE4CQ9qQ1dK/j224VMbA$o8b+k5wdHgBqf7ES+aWG2K7Y9diQ6ahEhbW8zcstXGo", false)]
    [InlineData("argon2", "$2a$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq", false)]
    [InlineData("argon2", "$pbkdf2-sha256$i=1000,l=128$e8/arsEf4cvQihdNgqj0Nw$5xQQKNTyeTHx2Ld5/JDE7A", false)]
    [InlineData("bcrypt", "$2a$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq", true)]
    [InlineData("bcrypt", "$2b$14$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq", true)]
    [InlineData("bcrypt", "$2y$10$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq", true)]
    [InlineData("bcrypt", "$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", false)]
    [InlineData("bcrypt", "$md5$4QrcOUm6Wau+VuBX8g+IPg==", false)]
    public void Understands_StoredHash_OnlyOwnFormat(string algorithm, string hash, bool expected)
    {
        var hasher = new PasswordHasher(FastArgon2 with { Algorithm = algorithm });

        var understands = hasher.Understands(hash);

        Assert.Equal(expected, understands);
    }

    [Theory]
    [InlineData("short password", true)]
    [InlineData("a password that is much longer than seventy-two bytes, so bcrypt cannot take it", false)]
    public void NeedsRehash_Argon2HashUnderBcrypt_OnlyWhenBcryptCouldTakeThePassword(string password, bool expected)
    {
        var hasher = new PasswordHasher(FastBcrypt);

        var needsRehash = hasher.NeedsRehash("$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", password);

        Assert.Equal(expected, needsRehash);
    }

    [Fact]
    public void NeedsRehash_LegacyFormat_IsTrue()
    {
        IPasswordHasher hasher = new PasswordHasher(FastArgon2);

        var needsRehash = hasher.NeedsRehash("$md5$4QrcOUm6Wau+VuBX8g+IPg==", "123456");

        Assert.True(needsRehash);
    }

    [Theory]
    [InlineData(4, false, 12)]
    [InlineData(11, false, 12)]
    [InlineData(13, false, 13)]
    [InlineData(4, true, 4)]
    [InlineData(1, true, 4)]
    [InlineData(10, true, 10)]
    public void EffectiveBcryptCost_RaisedTo12OutsideDevMode(int configured, bool dev, int expected)
    {
        var settings = HasherSettings.Defaults with { BcryptCost = configured, Dev = dev };

        Assert.Equal(expected, settings.EffectiveBcryptCost);
    }

    [Fact]
    public void Defaults_AreKratosDefaults()
    {
        var defaults = HasherSettings.Defaults;

        Assert.Equal(("bcrypt", 12, 131072u, 1u, 16u, 32u), (defaults.Algorithm, defaults.BcryptCost, defaults.Argon2MemoryKiB, defaults.Argon2Iterations, defaults.Argon2SaltLength, defaults.Argon2KeyLength));
        Assert.Equal((uint)(2 * Environment.ProcessorCount), defaults.Argon2Parallelism);
    }

    [Fact]
    public void Constructor_UnknownAlgorithm_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PasswordHasher(FastArgon2 with { Algorithm = "scrypt" }));
    }

    [Fact]
    public void Constructor_MemoryBeyondVerifiableBound_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHasher(FastArgon2 with { Argon2MemoryKiB = Argon2Hash.MaxMemoryKiB + 1 }));
    }

    [Fact]
    public void Generate_ParallelismAbove16_IsCappedSoTheHashStaysVerifiable()
    {
        var hasher = new PasswordHasher(FastArgon2 with { Argon2Parallelism = 64 });

        var hash = hasher.Generate("lanes");

        Assert.Contains(",p=16$", hash, StringComparison.Ordinal);
        Assert.True(_comparer.Compare("lanes", hash));
    }

    [Fact]
    public void Generate_CustomSaltAndKeyLength_AreHonoured()
    {
        var hasher = new PasswordHasher(FastArgon2 with { Argon2SaltLength = 24, Argon2KeyLength = 64 });

        var hash = hasher.Generate("lengths");

        var parts = hash.Split('$');
        Assert.Equal(24, Unpadded(parts[4]).Length);
        Assert.Equal(64, Unpadded(parts[5]).Length);
        Assert.True(_comparer.Compare("lengths", hash));
    }

    private static byte[] Unpadded(string base64) => Convert.FromBase64String(base64.PadRight((base64.Length + 3) / 4 * 4, '='));
}
