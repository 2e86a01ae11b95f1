using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Hooks;

/// <summary>
/// <c>revoke_active_sessions</c> (Kratos: every other session of the identity is revoked, the one of this flow is kept)
/// after login, settings and recovery.
/// </summary>
public sealed class RevokeActiveSessionsTests(RevokeActiveSessionsApp app, RevokeOnLoginApp loginApp)
    : IClassFixture<RevokeActiveSessionsApp>, IClassFixture<RevokeOnLoginApp>
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private static async Task<FlowClient> SignedInAsync(CustosAppFactory factory, string email, string password = Password)
    {
        var client = new FlowClient(factory, ClientKind.Api);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, password)).StatusCode);
        return client;
    }

    [SkippableFact]
    public async Task Login_RevokesTheOlderSessions_AndKeepsTheNewOne()
    {
        var email = NewEmail();
        await loginApp.Admin().CreateIdentityAsync(email, Password);
        var first = await SignedInAsync(loginApp, email);

        var second = await SignedInAsync(loginApp, email);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task Login_WithoutTheHook_KeepsTheOlderSessions()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var first = await SignedInAsync(app, email);

        var second = await SignedInAsync(app, email);

        Assert.Equal(HttpStatusCode.OK, (await first.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task SettingsPassword_RevokesTheOtherSessions_AndKeepsTheCurrentOne()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var other = await SignedInAsync(app, email);
        var current = await SignedInAsync(app, email);
        var flow = await current.InitAsync("settings");

        var changed = await current.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await current.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task SettingsProfile_WithTheHookOnlyOnPassword_KeepsTheOtherSessions()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var other = await SignedInAsync(app, email);
        var current = await SignedInAsync(app, email);
        var flow = await current.InitAsync("settings");

        var changed = await current.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Ada" });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task Recovery_RevokesTheSessionsFromBefore_AndSignsInTheRecoveringBrowser()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var before = await SignedInAsync(app, email);
        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.InitAsync("recovery");
        var sent = await browser.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        flow = await browser.GetFlowAsync("recovery", flow["id"]!.GetValue<string>());

        var used = await browser.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });

        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.WhoamiAsync()).StatusCode);
    }
}
