using Custos.SelfService.Strategies.LookupSecret;

namespace Custos.UnitTests.SelfService.Strategies.LookupSecret;

public sealed class LookupSecretCodesTests
{
    [Fact]
    public void ASet_HasTwelveDistinctCodes_OfEightLowercaseAlphanumerics()
    {
        var codes = LookupSecretCodes.Generate();

        Assert.Equal(12, codes.Count);
        Assert.Equal(12, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[a-z0-9]{8}$", c));
    }

    [Fact]
    public void ManySets_UseTheWholeAlphabet_AndNeverRepeatASet()
    {
        var sets = Enumerable.Range(0, 200).Select(_ => LookupSecretCodes.Generate()).ToList();

        var characters = sets.SelectMany(s => s).SelectMany(c => c).ToHashSet();
        Assert.Equal("abcdefghijklmnopqrstuvwxyz0123456789".ToHashSet(), characters);
        Assert.Equal(200 * 12, sets.SelectMany(s => s).Distinct().Count());
    }

    [Fact]
    public void CharacterFrequencies_AreUnbiased()
    {
        // 36 symbols do not divide 256: a modulo draw would favour the first 4 by about 14 %.
        var counts = Enumerable.Range(0, 2000).SelectMany(_ => LookupSecretCodes.Generate()).SelectMany(c => c)
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var expected = 2000.0 * 12 * 8 / 36;

        Assert.All(counts.Values, n => Assert.InRange(n, expected * 0.9, expected * 1.1));
    }
}
