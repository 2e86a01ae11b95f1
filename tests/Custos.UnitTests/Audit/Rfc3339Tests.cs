using Custos.Audit;

namespace Custos.UnitTests.Audit;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2026-12-07T10:00:00Z", "2026-12-07T10:00:00.0000000Z")]
    [InlineData("2026-12-07t10:00:00z", "2026-12-07T10:00:00.0000000Z")]
    [InlineData("2026-12-07T11:30:00+01:30", "2026-12-07T10:00:00.0000000Z")]
    [InlineData("2026-12-07T10:00:00.123456789Z", "2026-12-07T10:00:00.1234567Z")]
    public void Valid_IsReadAsUtc(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(expected, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-12-07")]
    [InlineData("2026-12-07 10:00:00Z")]
    [InlineData("2026-12-07T10:00:00")]
    [InlineData("2026-13-07T10:00:00Z")]
    [InlineData("1733565600")]
    public void Invalid_IsRefused(string text)
    {
        Assert.False(Rfc3339.TryParse(text, out _));
    }
}
