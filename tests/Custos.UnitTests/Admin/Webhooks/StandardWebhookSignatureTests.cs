using System.Security.Cryptography;
using System.Text;
using Custos.Admin.Webhooks;

namespace Custos.UnitTests.Admin.Webhooks;

public sealed class StandardWebhookSignatureTests
{
    [Fact]
    public void Sign_ReproducesTheStandardWebhooksTestVector()
    {
        // The vector every Standard Webhooks reference library checks: a receiver's library must accept what we send.
        var signature = StandardWebhookSignature.Sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void NewSecret_IsWhsecAndBase64Of32RandomBytes()
    {
        var a = StandardWebhookSignature.NewSecret();
        var b = StandardWebhookSignature.NewSecret();

        Assert.StartsWith("whsec_", a);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Sign_IsHmacSha256OfIdTimestampAndBody_UnderTheDecodedKey()
    {
        var secret = StandardWebhookSignature.NewSecret();
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("id-1.42.{\"a\":\"é\"}")));

        Assert.Equal("v1," + expected, StandardWebhookSignature.Sign(secret, "id-1", 42, "{\"a\":\"é\"}"));
    }
}
