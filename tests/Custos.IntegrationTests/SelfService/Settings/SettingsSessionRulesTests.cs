using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Sessions;

namespace Custos.IntegrationTests.SelfService.Settings;

/// <summary>
/// The session rules of settings flows: a change of credentials or identifiers needs a recent sign-in
/// (<c>privileged_session_max_age</c>), an identity with a second factor needs an aal2 session on create, fetch and
/// submit (<c>required_aal: highest_available</c>), and an expired flow is replaced.
/// </summary>
public sealed class SettingsSessionRulesTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Profile_ChangingTheEmailWithAnOldSession_Api403RefreshRequired_AndTheFlowIsNotTouched()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        app.Time.Advance(TimeSpan.FromMinutes(61));
        var flow = await client.InitAsync("settings");
        var id = flow["id"]!.GetValue<string>();

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = $"{Guid.NewGuid():N}@example.com" });
        var body = await response.JsonAsync();
        var stored = await client.GetFlowAsync("settings", id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_refresh_required", body["error"]!["id"]!.GetValue<string>());
        Assert.Equal(RefreshUrl(id), body["redirect_browser_to"]!.GetValue<string>());
        Assert.Null(stored["active"]);
    }

    [Fact]
    public async Task Password_WithAnOldSession_Browser303ToTheRefreshLogin()
    {
        var (client, _) = await SignedInAsync(ClientKind.Browser);
        app.Time.Advance(TimeSpan.FromMinutes(61));
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(RefreshUrl(flow["id"]!.GetValue<string>()), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Profile_ChangingOnlyTheNameWithAnOldSession_Succeeds()
    {
        var (client, email) = await SignedInAsync(ClientKind.Spa);
        app.Time.Advance(TimeSpan.FromMinutes(61));
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Ada" });
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", body["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ClientKind.Api)]
    [InlineData(ClientKind.Spa)]
    public async Task Submit_ExpiredFlow_Returns410WithAReplacementCarrying4050001(ClientKind kind)
    {
        var (client, _) = await SignedInAsync(kind);
        var flow = await client.InitAsync("settings");
        app.Time.Advance(TimeSpan.FromMinutes(61));

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.name.first"] = "Ada" });
        var body = await response.JsonAsync();
        var replacement = await client.GetFlowAsync("settings", body["use_flow_id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("self_service_flow_expired", body["error"]!["id"]!.GetValue<string>());
        Assert.Equal(["4050001"], FlowClient.MessageIds(replacement));
        Assert.Equal("show_form", replacement["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_ExpiredFlow_Browser303ToTheReplacement()
    {
        var (client, _) = await SignedInAsync(ClientKind.Browser);
        var flow = await client.InitAsync("settings");
        app.Time.Advance(TimeSpan.FromMinutes(61));

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.name.first"] = "Ada" });
        var newId = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["flow"];

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/settings?flow=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(flow["id"]!.GetValue<string>(), newId);
    }

    [Fact]
    public async Task SecondFactorAvailable_Aal1Session_CreateAndSubmitAnswer403Aal2Required()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");
        await app.AddCredentialAsync(await IdentityIdAsync(client), "totp", $$"""{"totp_url":"{{SessionTestExtensions.TotpUrl}}"}""");
        var create = new HttpRequestMessage(HttpMethod.Get, "/self-service/settings/api");
        client.Authorize(create);

        var created = await client.Http.SendAsync(create);
        var submitted = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.name.first"] = "Ada" });

        await AssertAal2RequiredAsync(created);
        await AssertAal2RequiredAsync(submitted);
    }

    [Fact]
    public async Task SecondFactorAvailable_Aal1Session_FetchAnswers403Aal2Required()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");
        await app.AddCredentialAsync(await IdentityIdAsync(client), "totp", $$"""{"totp_url":"{{SessionTestExtensions.TotpUrl}}"}""");
        var fetch = new HttpRequestMessage(HttpMethod.Get, $"/self-service/settings/flows?id={flow["id"]}");
        client.Authorize(fetch);

        var response = await client.Http.SendAsync(fetch);

        await AssertAal2RequiredAsync(response);
    }

    private static async Task AssertAal2RequiredAsync(HttpResponseMessage response)
    {
        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_aal2_required", body["error"]!["id"]!.GetValue<string>());
        // The aal2 login returns to the settings flow (strategies contract §6.3), except from a create without return_to.
        var redirect = body["redirect_browser_to"]!.GetValue<string>();
        Assert.StartsWith("http://localhost:4433/self-service/login/browser?aal=aal2", redirect, StringComparison.Ordinal);
        Assert.Equal(redirect, body["error"]!["details"]!["redirect_browser_to"]!.GetValue<string>());
    }

    private static string RefreshUrl(string flowId) =>
        "http://localhost:4433/self-service/login/browser?refresh=true&return_to="
        + Uri.EscapeDataString($"http://localhost:4433/self-service/settings?flow={flowId}");

    private static async Task<Guid> IdentityIdAsync(FlowClient client) =>
        Guid.Parse((await (await client.WhoamiAsync()).JsonAsync())["identity"]!["id"]!.GetValue<string>());

    private async Task<(FlowClient Client, string Email)> SignedInAsync(ClientKind kind)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, kind);
        var response = await client.RegisterAsync(email, Password);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return (client, email);
    }
}
