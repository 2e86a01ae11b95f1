using System.Text;
using Custos.SelfService.Strategies.Password.Policy;

namespace Custos.UnitTests.SelfService.Strategies.Password.Policy;

public sealed class PasswordSimilarityTests
{
    [Theory]
    [InlineData("alice@example.com", "alice@example.com", true)]
    [InlineData("alice@example.com", "ALICE@example.com", true)]
    [InlineData("alice@example.com", "alice@example.org", true)] // distance 3
    [InlineData("alice@example.com", "example.com!!", true)] // 11 of 13 bytes in common
    [InlineData("alice@example.com", "correct horse battery", false)]
    [InlineData("alice", "xaliceyzzzzzzz", false)] // distance 9, common substring 5/14
    [InlineData("bob", "bobbybobbybob", false)]
    [InlineData("", "anything", false)]
    public void TooSimilar(string identifier, string password, bool expected)
    {
        Assert.Equal(expected, PasswordSimilarity.TooSimilar(identifier, password));
    }

    [Fact]
    public void LongValues_AreNotCompared()
    {
        var identifier = new string('a', 257);

        Assert.False(PasswordSimilarity.TooSimilar(identifier, identifier));
        Assert.True(PasswordSimilarity.TooSimilar(identifier[..256], identifier[..256]));
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "abc", 0)]
    [InlineData("é", "e", 2)] // bytes, as Kratos compares
    public void Levenshtein(string a, string b, int distance)
    {
        Assert.Equal(distance, PasswordSimilarity.Levenshtein(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b)));
    }

    [Theory]
    [InlineData("abcdef", "zcdez", 3)]
    [InlineData("abc", "xyz", 0)]
    [InlineData("héllo", "héllo", 3)] // Kratos's byte-indexed table breaks runs at multi-byte runes
    public void LongestCommonSubstring(string a, string b, int length)
    {
        Assert.Equal(length, PasswordSimilarity.LongestCommonSubstring(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b)));
    }
}
