using Custos.SelfService.Strategies.LookupSecret;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.UnitTests.SelfService.Strategies.LookupSecret;

public sealed class LookupCodeHasherTests
{
    private static readonly Guid Alice = Guid.Parse("6e11a9a7-62fd-4c88-871a-097f18f0306f");
    private static readonly Guid Bob = Guid.Parse("0b7a5b4e-3f7b-4f36-9a51-4d8c2f0e9e11");

    private static LookupCodeHasher Hasher(string[]? defaults = null, string[]? cookie = null) => new(new TestOptions(o =>
    {
        o.Secrets.Default = [.. defaults ?? []];
        o.Secrets.Cookie = [.. cookie ?? []];
    }), NullLogger<LookupCodeHasher>.Instance);

    [Fact]
    public void AHash_IsAHexHmacSha256_ThatNeitherContainsNorEqualsTheCode()
    {
        var hash = Hasher(["a-default-secret-of-32-characters"]).Hash(Alice, "w1ksv5a9");

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.DoesNotContain("w1ksv5a9", hash, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameCode_HashesDifferently_PerIdentity_AndPerSecret()
    {
        var hasher = Hasher(["a-default-secret-of-32-characters"]);
        var other = Hasher(["another-secret-of-32-characters!"]);

        Assert.Equal(hasher.Hash(Alice, "w1ksv5a9"), hasher.Hash(Alice, "w1ksv5a9"));
        Assert.NotEqual(hasher.Hash(Alice, "w1ksv5a9"), hasher.Hash(Bob, "w1ksv5a9"));
        Assert.NotEqual(hasher.Hash(Alice, "w1ksv5a9"), other.Hash(Alice, "w1ksv5a9"));
    }

    [Fact]
    public void AfterARotation_ThatKeepsTheOldSecretListed_OldHashesAreStillCandidates()
    {
        var before = Hasher(["old-secret-0123456789abcdef"]).Hash(Alice, "w1ksv5a9");

        var after = Hasher(["new-secret-0123456789abcdef", "old-secret-0123456789abcdef"]);

        Assert.NotEqual(before, after.Hash(Alice, "w1ksv5a9"));
        Assert.Contains(before, after.Candidates(Alice, "w1ksv5a9"));
    }

    [Fact]
    public void WithoutADefaultSecret_TheCookieSecretKeys_AndCodesSurviveAddingADefaultSecret()
    {
        var cookieOnly = Hasher(cookie: ["PLEASE-CHANGE-ME-I-AM-VERY-INSECURE"]).Hash(Alice, "w1ksv5a9");

        var withDefault = Hasher(["a-default-secret-of-32-characters"], ["PLEASE-CHANGE-ME-I-AM-VERY-INSECURE"]);

        Assert.Contains(cookieOnly, withDefault.Candidates(Alice, "w1ksv5a9"));
    }

    [Fact]
    public void WithoutAnySecret_TheBuiltInKeyIsStable_AndStaysACandidateOnceSecretsAreSet()
    {
        var unkeyed = Hasher().Hash(Alice, "w1ksv5a9");

        Assert.Equal(unkeyed, Hasher().Hash(Alice, "w1ksv5a9"));
        Assert.Contains(unkeyed, Hasher(["a-default-secret-of-32-characters"]).Candidates(Alice, "w1ksv5a9"));
    }
}
