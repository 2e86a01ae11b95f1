using Custos.Sessions;

namespace Custos.UnitTests.Sessions;

/// <summary>AMR entries as Kratos writes them (contract §6.1), on the wire and in the stored column alike.</summary>
public sealed class AuthenticationMethodJsonTests
{
    private static readonly DateTime At = new(2026, 7, 29, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PasswordThenTotp_AsInTheContractExample()
    {
        var methods = new[]
        {
            new AuthenticationMethod("password", "aal1", At.AddTicks(1234560)),
            new AuthenticationMethod("totp", "aal2", At.AddSeconds(42).AddTicks(6543210)),
        };

        var json = AuthenticationMethodJson.WriteAll(methods);

        Assert.Equal(
            """[{"method":"password","aal":"aal1","completed_at":"2026-07-29T10:00:00.123456Z"},{"method":"totp","aal":"aal2","completed_at":"2026-07-29T10:00:42.654321Z"}]""",
            json);
    }

    [Fact]
    public void Oidc_AddsProviderOrganisationAndUpstreamClaims_InKratosOrder()
    {
        var method = new AuthenticationMethod("oidc", "aal2", At, "google", "org-1", "phr", ["pwd", "otp"]);

        var json = AuthenticationMethodJson.Write(method).ToJsonString();

        Assert.Equal(
            """{"method":"oidc","aal":"aal2","completed_at":"2026-07-29T10:00:00Z","provider":"google","organization":"org-1","upstream_acr":"phr","upstream_amr":["pwd","otp"]}""",
            json);
    }

    [Fact]
    public void EmptyOptionalFields_AreLeftOut()
    {
        var json = AuthenticationMethodJson.Write(new AuthenticationMethod("oidc", "aal1", At, "", "", "", [])).ToJsonString();

        Assert.Equal("""{"method":"oidc","aal":"aal1","completed_at":"2026-07-29T10:00:00Z"}""", json);
    }

    [Fact]
    public void ReadAll_RoundTripsEveryField()
    {
        var method = new AuthenticationMethod("oidc", "aal2", At.AddTicks(5), "google", "org-1", "phr", ["pwd"]);

        var read = Assert.Single(AuthenticationMethodJson.ReadAll(AuthenticationMethodJson.WriteAll([method])));

        Assert.Equal(method with { UpstreamAmr = null }, read with { UpstreamAmr = null });
        Assert.Equal(["pwd"], read.UpstreamAmr);
    }
}
