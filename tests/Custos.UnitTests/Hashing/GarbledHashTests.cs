using Custos.Hashing;

namespace Custos.UnitTests.Hashing;

/// <summary>Whatever sits in the database, comparing never throws: unknown, broken or hostile hashes are a mismatch.</summary>
public sealed class GarbledHashTests
{
    private readonly PasswordHashComparer _comparer = new();

    [Theory]
    [InlineData("")]
    [InlineData("test")]
    [InlineData("$unknown$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$2a$")]
    [InlineData("$2a$12$")]
    [InlineData("$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkf")]
    [InlineData("$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6xx")]
    [InlineData("$2a$12$!!!!!!!!!!!!!!!!!!!!!!DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6")]
    [InlineData("$2a$20$abcdefghijklmnopqrstuugn/uitWMnDoOdJaSWqW1pjEXZ8eOSCqK")]
    [InlineData("$argon2id$")]
    [InlineData("$argon2id$v=19$m=16,t=2,p=1$$")]
    [InlineData("$argon2id$v=19$m=16,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$")]
    [InlineData("$argon2id$v=19$m=16,t=2,p=1$bVI1$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$v=19$m=4,t=2,p=4$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$v=19$m=16,t=0,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg")]
    [InlineData("$argon2id$v=19$m=8388608,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2id$v=19$m=99999999999999999999999,t=2,p=4$cm94YnRVOW5jZzFzcVE4bQ$MNzk5BtR2vUhrp6qQEjRNw")]
    [InlineData("$argon2i$v=19$m=65536,t=1000,p=4$kk51rW/vxIVCYn+EG4kTSg$NyT88uraJ6im6dyha/M5jhXvpqlEdlS/9fEm7ScMb8c")]
    [InlineData("$pbkdf2-sha256$i=1000000000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$QJxzfvdbHYBpydCbHoFg3GJEqMFULwskiuqiJctoYpI")]
    [InlineData("$pbkdf2-sha256$i=1000,l=32$1jP+5Zxpxgtee/iPxGgOz0RfE9/KJuDElP1ley4VxXc$")]
    [InlineData("$scrypt$ln=2097153,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA==")]
    [InlineData("$scrypt$ln=16384,r=1024,p=1$c2FsdHNhbHRzYWx0$aGFzaA==")]
    [InlineData("$scrypt$ln=1,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA==")]
    [InlineData("$scrypt$ln=16384,r=8,p=1$c2FsdHNhbHRzYWx0$")]
    [InlineData("$firescrypt$ln=31,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA==$Bw==$a2V5a2V5")]
    [InlineData("$firescrypt$ln=0,r=8,p=1$c2FsdHNhbHRzYWx0$aGFzaA==$Bw==$a2V5a2V5")]
    [InlineData("$firescrypt$ln=14,r=8,p=1024$c2FsdHNhbHRzYWx0$aGFzaA==$Bw==$a2V5a2V5")]
    [InlineData("$firescrypt$ln=10,r=8,p=1$c2FsdA==$$Bw==$")]
    [InlineData("{SSHA}")]
    [InlineData("{SSHA512}!!!!")]
    [InlineData("$sha1$pf=!!$a$b")]
    [InlineData("$hmac-sha1$$$")]
    [InlineData("$sha256-crypt$rounds=abc$x$y")]
    [InlineData("$md5-crypt$\u00e9$abc")]
    public void Compare_GarbledHash_IsFalseWithoutThrowing(string hash)
    {
        var matches = _comparer.Compare("test", hash);

        Assert.False(matches);
    }

    [Fact]
    public async Task CompareAsync_GarbledHash_IsFalse()
    {
        var matches = await _comparer.CompareAsync("test", "$argon2id$v=19$m=abc", CancellationToken.None);

        Assert.False(matches);
    }

    [Fact]
    public async Task CompareAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => _comparer.CompareAsync("test", "$2a$12$o6hx.Wog/wvFSkT/Bp/6DOxCtLRTDj7lm9on9suF/WaCGNVHbkfL6", cts.Token));
    }
}
