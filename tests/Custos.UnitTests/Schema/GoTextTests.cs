using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

public sealed class GoTextTests
{
    [Theory]
    [InlineData(5d, "5")]
    [InlineData(-2.5d, "-2.5")]
    [InlineData(0.1d, "0.1")]
    [InlineData(0.0001d, "0.0001")]
    [InlineData(0.00001d, "1e-05")]
    [InlineData(123456d, "123456")]
    [InlineData(1000000d, "1e+06")]
    [InlineData(1234567d, "1.234567e+06")]
    [InlineData(1e21d, "1e+21")]
    [InlineData(0d, "0")]
    public void Float_matches_go_percent_v(double value, string expected)
    {
        var text = GoText.Float(value);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("abc", "\"abc\"")]
    [InlineData("a\"b\\", "\"a\\\"b\\\\\"")]
    [InlineData("line\nbreak\t", "\"line\\nbreak\\t\"")]
    [InlineData("grüße", "\"grüße\"")]
    [InlineData("\u0001", "\"\\x01\"")]
    public void Quote_matches_go_percent_q(string value, string expected)
    {
        var text = GoText.Quote(value);

        Assert.Equal(expected, text);
    }
}
