using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1h", 3600_000)]
    [InlineData("10m", 600_000)]
    [InlineData("1h30m", 5400_000)]
    [InlineData("500ms", 500)]
    [InlineData("72h", 259_200_000)]
    [InlineData("1.5s", 1500)]
    [InlineData("1m30s", 90_000)]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("-2s", -2000)]
    [InlineData("1000us", 1)]
    [InlineData("2000000ns", 2)]
    public void TryParse_GoSyntax_Parses(string text, long milliseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("h")]
    [InlineData("1d")]
    [InlineData("01:00:00")]
    [InlineData("1h x")]
    public void TryParse_Invalid_Fails(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData(5400_000, "1h30m")]
    [InlineData(500, "500ms")]
    [InlineData(0, "0s")]
    [InlineData(90_000, "1m30s")]
    public void Format_WritesGoSyntax(long milliseconds, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void Load_DurationKeys_AcceptGoSyntax()
    {
        var options = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

              flows:
                login:
                  lifespan: 1h30m
                settings:
                  privileged_session_max_age: 500ms
            courier:
              worker:
                pull_wait: 10m
            """).Options;

        Assert.Equal(TimeSpan.FromMinutes(90), options.Selfservice.Flows.Login.Lifespan);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.Selfservice.Flows.Settings.PrivilegedSessionMaxAge);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Courier.Worker.PullWait);
    }

    [Fact]
    public void Load_BadDuration_NamesPath()
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + "\nsession:\n  lifespan: 1 day\n");

        Assert.StartsWith("session.lifespan: expected a duration", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("got \"1 day\"", error.Message, StringComparison.Ordinal);
    }
}
