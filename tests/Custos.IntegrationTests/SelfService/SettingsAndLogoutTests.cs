using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

public abstract class SettingsAndLogoutTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string Password = "correct horse battery staple";

    private async Task<(FlowClient Client, string Email)> SignedInAsync(ClientKind kind)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, kind);
        var response = await client.RegisterAsync(email, Password);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return (client, email);
    }

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task Settings_Profile_ChangesName(ClientKind kind)
    {
        var (client, email) = await SignedInAsync(kind);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Ada" });
        var whoami = await (await client.WhoamiAsync()).JsonAsync();

        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, response.StatusCode);
        if (kind != ClientKind.Browser)
        {
            var updated = await response.JsonAsync();
            Assert.Equal("success", updated["state"]!.GetValue<string>());
            Assert.Contains("1050001", FlowClient.MessageIds(updated.AsObject()));
        }

        Assert.Equal("Ada", whoami["identity"]!["traits"]!["name"]!["first"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task Settings_Password_ChangesPassword_ThenLoginWithNew(ClientKind kind)
    {
        var (client, email) = await SignedInAsync(kind);
        var flow = await client.InitAsync("settings");

        var same = await client.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = Password });
        var changed = await client.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "a brand new passphrase" });
        var oldLogin = await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password);
        var newLogin = await new FlowClient(app, ClientKind.Api).LoginAsync(email, "a brand new passphrase");

        Assert.Contains("4000039", FlowClient.MessageIds((await same.JsonAsync()).AsObject()));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldLogin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newLogin.StatusCode);
    }

    [SkippableFact]
    public async Task Settings_WithoutSession_Api401_Browser303ToLogin()
    {
        var api = await app.Public().GetAsync("/self-service/settings/api");
        var browser = await app.Public().GetAsync("/self-service/settings/browser");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, browser.StatusCode);
        Assert.StartsWith("http://localhost:4433/self-service/login/browser", browser.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Settings_OtherIdentitysFlow_Returns403()
    {
        var (alice, _) = await SignedInAsync(ClientKind.Api);
        var (bob, _) = await SignedInAsync(ClientKind.Api);
        var flow = await alice.InitAsync("settings");

        var response = await bob.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("security_identity_mismatch", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Logout_Browser_TwoSteps_RevokesSession()
    {
        var (client, _) = await SignedInAsync(ClientKind.Browser);

        var create = await client.Http.GetAsync("/self-service/logout/browser");
        var logout = (await create.JsonAsync()).AsObject();
        var response = await client.Http.GetAsync(new Uri(logout["logout_url"]!.GetValue<string>()).PathAndQuery);
        var whoami = await client.WhoamiAsync();

        Assert.Equal(HttpStatusCode.OK, create.StatusCode);
        Assert.StartsWith("ory_lo_", logout["logout_token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }

    [SkippableFact]
    public async Task Logout_Browser_WrongToken_Returns403()
    {
        var (client, _) = await SignedInAsync(ClientKind.Spa);

        var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/logout?token=ory_lo_wrongwrongwrongwrongwrongwrong12");
        request.Headers.Accept.ParseAdd("application/json");
        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [SkippableFact]
    public async Task Logout_Api_RevokesToken()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);

        var response = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/self-service/logout/api")
        {
            Content = new StringContent(new JsonObject { ["session_token"] = client.SessionToken }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        });
        var whoami = await client.WhoamiAsync();
        var unknown = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/self-service/logout/api")
        {
            Content = new StringContent("""{"session_token":"ory_st_unknownunknownunknownunknown12"}""", System.Text.Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
    }
}

public sealed class SqliteSettingsAndLogoutTests(CustosAppFactory app) : SettingsAndLogoutTests<CustosAppFactory>(app);

public sealed class PostgresSettingsAndLogoutTests(PostgresAppFactory app) : SettingsAndLogoutTests<PostgresAppFactory>(app);
