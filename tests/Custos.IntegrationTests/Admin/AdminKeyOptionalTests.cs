using System.Net;
using Custos.Admin.Keys;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Admin;

/// <summary>Without <c>serve.admin.api_key_required</c> the admin API stays open, as Kratos's is.</summary>
public sealed class AdminKeyOptionalTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [SkippableTheory]
    [InlineData(null)]
    [InlineData("custos_ak_unknown")]
    public async Task WithoutSwitch_AnyOrNoKey_Passes(string? key)
    {
        var client = app.Admin();
        if (key is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        var response = await client.GetAsync("/admin/identities");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void PublicListener_RefusesTheSwitch()
    {
        var environment = new Dictionary<string, string?> { ["DSN"] = "memory", ["SERVE_PUBLIC_API_KEY_REQUIRED"] = "true" };

        var error = Assert.Throws<Custos.Config.ConfigurationException>(() => Custos.Config.CustosConfiguration.Load([], environment, dev: true));

        Assert.Contains("serve.public.api_key_required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentOverride_SetsTheSwitch()
    {
        var loaded = Custos.Config.CustosConfiguration.Load([], new Dictionary<string, string?>
        {
            ["DSN"] = "memory",
            ["SERVE_ADMIN_API_KEY_REQUIRED"] = "true",
        }, dev: true);

        Assert.True(loaded.Options.Serve.Admin.ApiKeyRequired);
        Assert.False(loaded.Options.Serve.Public.ApiKeyRequired);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("", false)]
    [InlineData("10.0.0.5", false)]
    public void ExposureWarning_KnowsLoopback(string host, bool loopback)
    {
        Assert.Equal(loopback, AdminExposureWarning.IsLoopback(host));
    }
}
