using System.Security.Cryptography;
using Custos.Config;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Custos.IntegrationTests.Oidc.Providers.ProviderHarness;

namespace Custos.IntegrationTests.Oidc.Providers;

/// <summary>The start-up checks of provider entries, as registered by <c>AddOidcProviders()</c>.</summary>
public sealed class OidcProvidersValidatorTests
{
    [Fact]
    public void Entries_of_every_built_kind_pass()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var microsoft = Entry("microsoft", null);
        microsoft.MicrosoftTenant = "common";

        var errors = Errors(true, Entry("generic", "https://idp.example"), Entry("google", null), microsoft,
            AppleProviderTests.AppleEntry(key, ["email"]), Entry("auth0", "https://t.auth0.com"), Entry("gitlab", null));

        Assert.Empty(errors);
    }

    [Fact]
    public void A_kind_no_one_builds_is_refused_when_the_method_is_enabled()
    {
        Assert.Equal(
            ["selfservice.methods.oidc.config.providers[0].provider: provider type \"myspace\" is not supported, supported are: apple, auth0, generic, gitlab, google, microsoft"],
            Errors(true, Entry("myspace", null)));
        Assert.Empty(Errors(false, Entry("myspace", null)));
    }

    [Fact]
    public void Microsoft_needs_a_tenant_and_others_may_not_set_one()
    {
        var google = Entry("google", null);
        google.MicrosoftTenant = "common";

        var errors = Errors(true, Entry("microsoft", null), google);

        Assert.Equal(
            [
                "selfservice.methods.oidc.config.providers[0].microsoft_tenant: a value is required for provider \"microsoft\"",
                "selfservice.methods.oidc.config.providers[1].microsoft_tenant: only allowed for provider \"microsoft\"",
            ],
            errors);
    }

    [Fact]
    public void Apple_takes_its_key_instead_of_a_client_secret_and_the_key_must_be_pkcs8_p256()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var withSecret = AppleProviderTests.AppleEntry(ec, []);
        withSecret.ClientSecret = "s";
        var rsaKey = AppleProviderTests.AppleEntry(ec, []);
        rsaKey.ApplePrivateKey = rsa.ExportPkcs8PrivateKeyPem();
        var sec1 = AppleProviderTests.AppleEntry(ec, []);
        sec1.ApplePrivateKey = ec.ExportECPrivateKeyPem();
        var bare = Entry("apple", null);
        bare.ClientSecret = null;

        var errors = Errors(true, withSecret, rsaKey, sec1, bare);

        Assert.Equal(
            [
                "selfservice.methods.oidc.config.providers[0].client_secret: not allowed for provider \"apple\" (the secret is made from apple_private_key)",
                "selfservice.methods.oidc.config.providers[1].apple_private_key: not a PEM \"PRIVATE KEY\" (PKCS#8) holding an EC P-256 key",
                "selfservice.methods.oidc.config.providers[2].apple_private_key: not a PEM \"PRIVATE KEY\" (PKCS#8) holding an EC P-256 key",
                "selfservice.methods.oidc.config.providers[3].apple_team_id: a value is required for provider \"apple\"",
                "selfservice.methods.oidc.config.providers[3].apple_private_key_id: a value is required for provider \"apple\"",
                "selfservice.methods.oidc.config.providers[3].apple_private_key: a value is required for provider \"apple\"",
            ],
            errors);
    }

    [Fact]
    public void Other_kinds_need_a_client_secret_and_no_apple_keys()
    {
        var generic = Entry("generic", "https://idp.example");
        generic.ClientSecret = null;
        generic.AppleTeamId = "T";

        Assert.Equal(
            [
                "selfservice.methods.oidc.config.providers[0].client_secret: a value is required",
                "selfservice.methods.oidc.config.providers[0]: apple_team_id, apple_private_key_id and apple_private_key are only allowed for provider \"apple\"",
            ],
            Errors(true, generic));
    }

    private static List<string> Errors(bool enabled, params OidcProviderOptions[] providers)
    {
        using var services = Services(providers, enabled: enabled);
        var options = services.GetRequiredService<IOptionsMonitor<CustosOptions>>().CurrentValue;
        return [.. services.GetServices<IValidateOptions<CustosOptions>>().SelectMany(v => v.Validate(null, options).Failures ?? [])];
    }
}
