using System.Text.RegularExpressions;
using Custos.Sessions;

namespace Custos.UnitTests.Sessions;

public sealed partial class SessionTokensTests
{
    [GeneratedRegex("^ory_st_[A-Za-z0-9]{32}$")]
    private static partial Regex SessionTokenFormat();

    [GeneratedRegex("^ory_lo_[A-Za-z0-9]{32}$")]
    private static partial Regex LogoutTokenFormat();

    [Fact]
    public void SessionToken_HasKratosFormat()
    {
        var token = SessionTokens.NewSessionToken();

        Assert.Matches(SessionTokenFormat(), token);
    }

    [Fact]
    public void LogoutToken_HasKratosFormat()
    {
        var token = SessionTokens.NewLogoutToken();

        Assert.Matches(LogoutTokenFormat(), token);
    }

    [Fact]
    public void RandomPart_CarriesAtLeast190Bits()
    {
        var bits = SessionTokens.RandomLength * Math.Log2(SessionTokens.Alphabet.Length);

        Assert.True(bits >= 190, $"only {bits:F1} bits");
        Assert.Equal(62, SessionTokens.Alphabet.Distinct().Count());
    }

    [Fact]
    public void Tokens_AreUnique()
    {
        var tokens = Enumerable.Range(0, 10_000).Select(_ => SessionTokens.NewSessionToken()).ToHashSet();

        Assert.Equal(10_000, tokens.Count);
    }

    [Fact]
    public void RandomAlphanumerics_AreUniformOverTheAlphabet()
    {
        const int n = 620_000;

        var counts = SessionTokens.RandomAlphanumerics(n).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());

        // Chi-square with 61 degrees of freedom: 120 is far beyond p = 0.00001; a modulo bias (first 8 characters
        // drawn 5/4 as often) would score in the thousands.
        var expected = n / 62.0;
        var chiSquare = SessionTokens.Alphabet.Sum(c => Math.Pow(counts.GetValueOrDefault(c) - expected, 2) / expected);
        Assert.Equal(62, counts.Count);
        Assert.True(chiSquare < 120, $"chi-square {chiSquare:F1}");
    }

    [Fact]
    public void Hash_IsLowerHexSha256()
    {
        var hash = SessionTokens.Hash("ory_st_abc");

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("ory_st_abc"u8.ToArray())), hash);
        Assert.Equal(64, hash.Length);
        Assert.NotEqual(hash, SessionTokens.Hash("ory_st_abd"));
    }
}
