using Custos.SelfService.Strategies.Totp;
using OtpNet;

namespace Custos.UnitTests.SelfService.Strategies.Totp;

public sealed class TotpCodeTests
{
    // RFC 6238 appendix B, SHA1 key "12345678901234567890"; the last 6 of its 8-digit values.
    private static readonly string RfcSecret = Base32Encoding.ToString("12345678901234567890"u8.ToArray()).TrimEnd('=');

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void Rfc6238Vectors_AreComputedAndAccepted(long unixSeconds, string code)
    {
        var at = DateTime.UnixEpoch.AddSeconds(unixSeconds);

        var computed = TotpCode.Compute(RfcSecret, at);
        var step = TotpCode.MatchStep(RfcSecret, code, at);

        Assert.Equal(code, computed);
        Assert.Equal(unixSeconds / 30, step);
    }

    [Fact]
    public void Rfc6238Vector_MatchesOtpNetsEightDigitValue()
    {
        var at = DateTime.UnixEpoch.AddSeconds(1111111109);

        var eight = new OtpNet.Totp("12345678901234567890"u8.ToArray(), 30, OtpHashMode.Sha1, 8).ComputeTotp(at);

        Assert.Equal("07081804", eight);
        Assert.EndsWith(TotpCode.Compute(RfcSecret, at), eight, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(-2, false)]
    [InlineData(2, false)]
    public void OneStepOfSkew_IsAcceptedEitherWay(int stepsAway, bool accepted)
    {
        var now = new DateTime(2026, 7, 29, 10, 0, 15, DateTimeKind.Utc);
        var code = TotpCode.Compute(RfcSecret, now.AddSeconds(30 * stepsAway));

        var step = TotpCode.MatchStep(RfcSecret, code, now);

        Assert.Equal(accepted ? TotpCode.Step(now) + stepsAway : null, step);
    }

    [Theory]
    [InlineData(" 287082 ", true)]
    [InlineData("287082\n", true)]
    [InlineData("28708", false)]
    [InlineData("2870820", false)]
    [InlineData("28708x", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Codes_AreTrimmed_AndMustHaveSixCharacters(string? code, bool accepted)
    {
        var at = DateTime.UnixEpoch.AddSeconds(59);

        Assert.Equal(accepted, TotpCode.MatchStep(RfcSecret, code, at) is not null);
    }

    [Theory]
    [InlineData("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", true)]
    [InlineData("gezdgnbvgy3tqojqgezdgnbvgy3tqojq", true)]
    [InlineData(" GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ ", true)]
    [InlineData("JBSWY3DPEHPK3PXP", true)]
    [InlineData("MFRGG", true)]
    [InlineData("MFRGG===", true)]
    [InlineData("MY", true)]
    [InlineData("MY======", true)]
    [InlineData("", false)]
    [InlineData("M", false)]
    [InlineData("MFR", false)]
    [InlineData("MFRGGZ", false)]
    [InlineData("GEZDGNBV1Y3TQOJQ", false)]
    [InlineData("MY=A", false)]
    [InlineData("MFRGGZDF========", false)]
    public void Secrets_DecodeAsGosBase32(string secret, bool valid)
    {
        Assert.Equal(valid, TotpCode.DecodeSecret(secret) is not null);
    }

    [Fact]
    public void AnEmptySecret_MatchesNothing()
    {
        // HMAC pads keys with zeros, so a one-zero-byte key computes the codes of an empty one.
        var emptyKeyCode = new OtpNet.Totp(new byte[1], 30, OtpHashMode.Sha1, 6).ComputeTotp(DateTime.UnixEpoch.AddSeconds(59));

        Assert.Null(TotpCode.MatchStep("", emptyKeyCode, DateTime.UnixEpoch.AddSeconds(59)));
    }
}
