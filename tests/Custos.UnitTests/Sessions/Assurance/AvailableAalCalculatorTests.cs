using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.Sessions.Assurance;

namespace Custos.UnitTests.Sessions.Assurance;

/// <summary>The identity's available AAL from its credentials, per credential type (Kratos's counters, contract §6.2).</summary>
public sealed class AvailableAalCalculatorTests
{
    private const string TotpUrl = "otpauth://totp/Custos:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Custos";
    private const string Hash = "$argon2id$v=19$m=16,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

    private static Credentials C(string type, string config, params string[] identifiers) =>
        new() { Type = type, Config = (JsonObject)JsonNode.Parse(config)!, Identifiers = [.. identifiers] };

    private static string Aal(params Credentials[] credentials) => Aal(new CustosOptions(), credentials);

    private static string Aal(CustosOptions options, params Credentials[] credentials) =>
        new AvailableAalCalculator([], new FixedOptionsMonitor(options)).Compute(credentials.ToDictionary(c => c.Type));

    private static CustosOptions Code(bool passwordless, bool mfa)
    {
        var o = new CustosOptions();
        o.Selfservice.Methods.Code.PasswordlessEnabled = passwordless;
        o.Selfservice.Methods.Code.MfaEnabled = mfa;
        return o;
    }

    [Fact]
    public void NoCredentials_IsAal0()
    {
        Assert.Equal("aal0", Aal());
    }

    [Theory]
    [InlineData($$"""{"hashed_password":"{{Hash}}"}""", "alice@example.com", "aal1")]
    [InlineData($$"""{"hashed_password":"{{Hash}}"}""", "", "aal0")]
    [InlineData("""{"hashed_password":""}""", "alice@example.com", "aal0")]
    [InlineData("""{}""", "alice@example.com", "aal0")]
    [InlineData("""{"use_password_migration_hook":true}""", "alice@example.com", "aal0")]
    [InlineData("""{"hashed_password":42}""", "alice@example.com", "aal0")]
    public void Password(string config, string identifier, string expected)
    {
        Assert.Equal(expected, Aal(C("password", config, identifier)));
    }

    [Fact]
    public void Password_MarkedForTheMigrationHook_CountsOnlyWhileTheHookIsEnabled()
    {
        var on = new CustosOptions();
        on.Selfservice.Methods.Password.Config.MigrateHook.Enabled = true;

        Assert.Equal("aal1", Aal(on, C("password", """{"use_password_migration_hook":true}""", "alice@example.com")));
        Assert.Equal("aal0", Aal(on, C("password", """{"use_password_migration_hook":false}""", "alice@example.com")));
    }

    [Theory]
    [InlineData($$"""{"totp_url":"{{TotpUrl}}"}""", "aal2")]
    [InlineData("""{"totp_url":"  "}""", "aal0")]
    [InlineData("""{"totp_url":""}""", "aal0")]
    [InlineData("""{"totp_url":"otpauth://totp/x\u0000"}""", "aal0")]
    [InlineData("""{"totp_url":7}""", "aal0")]
    [InlineData("""{}""", "aal0")]
    public void Totp_NeedsAParsableUrl(string config, string expected)
    {
        Assert.Equal(expected, Aal(C("totp", config, "id")));
    }

    [Theory]
    [InlineData("""{"recovery_codes":[{"code":"a1b2c3d4","used_at":null}]}""", "aal2")]
    [InlineData("""{"recovery_codes":[{"code":"a1b2c3d4","used_at":"2026-01-01T00:00:00Z"}]}""", "aal2")]
    [InlineData("""{"recovery_codes":[]}""", "aal0")]
    [InlineData("""{"recovery_codes":"a1b2c3d4"}""", "aal0")]
    [InlineData("""{}""", "aal0")]
    public void LookupSecret_NeedsAtLeastOneCode_UsedOrNot(string config, string expected)
    {
        Assert.Equal(expected, Aal(C("lookup_secret", config, "id")));
    }

    [Theory]
    [InlineData("""{"credentials":[{"id":"a","is_passwordless":false}]}""", "alice@example.com", "aal2")]
    [InlineData("""{"credentials":[{"id":"a"}]}""", "", "aal2")]
    [InlineData("""{"credentials":[{"id":"a","is_passwordless":true}]}""", "alice@example.com", "aal1")]
    [InlineData("""{"credentials":[{"id":"a","is_passwordless":true}]}""", "", "aal0")]
    [InlineData("""{"credentials":[{"id":"a","is_passwordless":true},{"id":"b","is_passwordless":false}]}""", "alice@example.com", "aal2")]
    [InlineData("""{"credentials":[]}""", "alice@example.com", "aal0")]
    [InlineData("""{}""", "alice@example.com", "aal0")]
    public void WebAuthn_CountsKeysByPasswordlessFlag(string config, string identifier, string expected)
    {
        Assert.Equal(expected, Aal(C("webauthn", config, identifier)));
    }

    [Theory]
    [InlineData("""{"credentials":[{"id":"a"}],"user_handle":"dXNlcg=="}""", "user-handle", "aal1")]
    [InlineData("""{"credentials":[{"id":"a"}],"user_handle":"dXNlcg=="}""", "", "aal0")]
    [InlineData("""{"credentials":[]}""", "user-handle", "aal0")]
    public void Passkey_IsAFirstFactor_WithAnIdentifier(string config, string identifier, string expected)
    {
        Assert.Equal(expected, Aal(C("passkey", config, identifier)));
    }

    [Theory]
    [InlineData("""{"providers":[{"provider":"github","subject":"1234"}]}""", "github:1234", "aal1")]
    [InlineData("""{"providers":[{"provider":"github","subject":"a:b"}]}""", "github:a:b", "aal1")]
    [InlineData("""{"providers":[{"provider":"github","subject":"1234"}]}""", "google:1234", "aal0")]
    [InlineData("""{"providers":[{"provider":"github","subject":"1234"}]}""", "github-1234", "aal0")]
    [InlineData("""{"providers":[{"provider":"github","subject":"1234","organization":"8c3a0f7e-0000-4000-8000-000000000000"}]}""", "github:1234", "aal0")]
    [InlineData("""{"providers":[{"provider":"","subject":""}]}""", ":", "aal0")]
    public void Oidc_CountsProvidersMatchingAnIdentifier(string config, string identifier, string expected)
    {
        Assert.Equal(expected, Aal(C("oidc", config, identifier)));
    }

    [Theory]
    [InlineData(false, false, "aal0")]
    [InlineData(true, false, "aal1")]
    [InlineData(false, true, "aal2")]
    [InlineData(true, true, "aal2")]
    public void Code_DependsOnConfiguration(bool passwordless, bool mfa, string expected)
    {
        var code = C("code", """{"addresses":[{"channel":"email","address":"alice@example.com"}]}""", "alice@example.com");

        Assert.Equal(expected, Aal(Code(passwordless, mfa), code));
    }

    [Fact]
    public void Code_Passwordless_CountsAFirstFactorEvenWithoutACredential()
    {
        Assert.Equal("aal1", Aal(Code(passwordless: true, mfa: true)));
    }

    [Theory]
    [InlineData("""{"addresses":[{"channel":"email","address":""}]}""", "aal0")]
    [InlineData("""{"addresses":[]}""", "aal0")]
    [InlineData("""{"address_type":"email"}""", "aal2")]
    [InlineData("""{"address_type":""}""", "aal0")]
    [InlineData("""{"addresses":"alice@example.com"}""", "aal0")]
    public void Code_Mfa_CountsNonEmptyAddresses_AndLegacyAddressType(string config, string expected)
    {
        Assert.Equal(expected, Aal(Code(passwordless: false, mfa: true), C("code", config, "alice@example.com")));
    }

    [Fact]
    public void SecondFactorWithoutAnyFirstFactor_IsStillAal2()
    {
        Assert.Equal("aal2", Aal(C("totp", $$"""{"totp_url":"{{TotpUrl}}"}""", "id")));
    }

    [Fact]
    public void UnknownTypes_CountNothing()
    {
        Assert.Equal("aal0", Aal(C("saml", """{"providers":[{"provider":"okta","subject":"1"}]}""", "okta:1"), C("deviceauthn", "{}", "x")));
    }

    [Fact]
    public void ARegisteredContributor_ReplacesTheBuiltInForItsType()
    {
        var encrypted = C("totp", """{"totp_secret_encrypted":"v1:abc"}""", "id");
        var calculator = new AvailableAalCalculator([new EncryptedTotp()], new FixedOptionsMonitor(new CustosOptions()));

        Assert.Equal("aal0", Aal(encrypted));
        Assert.Equal("aal2", calculator.Compute(new Dictionary<string, Credentials> { ["totp"] = encrypted }));
        Assert.Equal("aal0", calculator.Compute(new Dictionary<string, Credentials> { ["totp"] = C("totp", $$"""{"totp_url":"{{TotpUrl}}"}""", "id") }));
    }

    private sealed class EncryptedTotp : ICredentialAalContributor
    {
        public string CredentialType => "totp";

        public FactorCount Count(Credentials? credential) =>
            credential?.Config["totp_secret_encrypted"] is not null ? FactorCount.Multi(1) : FactorCount.None;
    }
}
