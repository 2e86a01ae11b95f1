using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

/// <summary><c>GET /.well-known/change-password</c> (getWellKnownChangePassword).</summary>
public sealed class WellKnownChangePasswordTests
{
    [SkippableFact]
    public async Task RedirectsToTheConfiguredSettingsUi()
    {
        using var app = new CustosAppFactory { ExtraYaml = "selfservice:\n  flows:\n    settings:\n      ui_url: https://accounts.example.org/settings\n" };

        var response = await app.Public().GetAsync("/.well-known/change-password");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("https://accounts.example.org/settings", response.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task IsNotOnTheAdminListener()
    {
        using var app = new CustosAppFactory();

        var admin = await app.Admin().GetAsync("/.well-known/change-password");

        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
    }
}
