using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Settings;

/// <summary>
/// What a settings submission answers when it does not succeed: no strategy for the body, a strategy's validation
/// messages on its nodes (the form shown again from the stored identity), a duplicate identifier, no session.
/// </summary>
public abstract class SettingsSubmitTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string Password = "correct horse battery staple";

    [SkippableTheory]
    [InlineData(ClientKind.Api)]
    [InlineData(ClientKind.Spa)]
    public async Task Submit_UnknownMethod_Returns400WithNoStrategyMessage(ClientKind kind)
    {
        var (client, _) = await SignedInAsync(kind);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "carrier-pigeon" });
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4010004"], FlowClient.MessageIds(body));
        Assert.Equal("carrier-pigeon", body["active"]!.GetValue<string>());
        Assert.Equal("show_form", body["state"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Submit_UnknownMethod_Browser_SeesTheFormAgainWithTheMessage()
    {
        var (client, _) = await SignedInAsync(ClientKind.Browser);
        var flow = await client.InitAsync("settings");
        var id = flow["id"]!.GetValue<string>();

        var response = await client.SubmitAsync(flow, new() { ["method"] = "carrier-pigeon" });
        var shown = await client.GetFlowAsync("settings", id);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"http://localhost:4455/settings?flow={id}", response.Headers.Location!.ToString());
        Assert.Equal(["4010004"], FlowClient.MessageIds(shown));
    }

    [SkippableFact]
    public async Task Submit_NoMethod_Returns400WithNoStrategyMessage()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["password"] = "a brand new passphrase" });
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4010004"], FlowClient.MessageIds(body));
        Assert.Null(body["active"]);
    }

    [SkippableFact]
    public async Task Submit_ProfileWithInvalidTraits_ShowsTheSubmittedValuesAndTheMessageOnTheNode()
    {
        var (client, email) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = "not-an-email", ["traits.name.first"] = "Ada" });
        var body = (await response.JsonAsync()).AsObject();
        var emailNode = Node(body, "traits.email");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("profile", body["active"]!.GetValue<string>());
        Assert.Equal("not-an-email", emailNode["attributes"]!["value"]!.GetValue<string>());
        Assert.Equal("Ada", Node(body, "traits.name.first")["attributes"]!["value"]!.GetValue<string>());
        Assert.Equal(["4000001"], emailNode["messages"]!.AsArray().Select(m => m!["id"]!.ToString()));
        Assert.Null(body["ui"]!["messages"]);
        Assert.Equal(email, body["identity"]!["traits"]!["email"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Submit_PasswordMissing_Returns4000002OnThePasswordNode()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password" });
        var body = (await response.JsonAsync()).AsObject();
        var passwordNode = Node(body, "password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("password", passwordNode["group"]!.GetValue<string>());
        Assert.Equal(["4000002"], passwordNode["messages"]!.AsArray().Select(m => m!["id"]!.ToString()));
    }

    [SkippableFact]
    public async Task Submit_InvalidPasswordAfterInvalidProfile_ShowsTheTraitsOfTheStoredIdentity()
    {
        var (client, email) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");
        await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = "not-an-email" });

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password" });
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(email, Node(body, "traits.email")["attributes"]!["value"]!.GetValue<string>());
        Assert.Empty(Node(body, "traits.email")["messages"]!.AsArray());
        Assert.Equal(["4000002"], FlowClient.MessageIds(body));
    }

    [SkippableFact]
    public async Task Submit_EmailOfAnotherIdentity_Returns4000007AndKeepsTheTraits()
    {
        var (other, otherEmail) = await SignedInAsync(ClientKind.Api);
        var (client, email) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = otherEmail });
        var body = (await response.JsonAsync()).AsObject();
        var whoami = await (await client.WhoamiAsync()).JsonAsync();

        Assert.NotNull(other.SessionToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000007"], FlowClient.MessageIds(body));
        Assert.Equal(otherEmail, Node(body, "traits.email")["attributes"]!["value"]!.GetValue<string>());
        Assert.Equal(email, whoami["identity"]!["traits"]!["email"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Submit_Success_RerendersTheFormFromTheChangedIdentity()
    {
        var (client, email) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Grace" });
        var body = (await response.JsonAsync()).AsObject();
        var again = await client.GetFlowAsync("settings", flow["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", body["state"]!.GetValue<string>());
        Assert.Equal("profile", body["active"]!.GetValue<string>());
        Assert.Equal("Grace", Node(body, "traits.name.first")["attributes"]!["value"]!.GetValue<string>());
        Assert.Equal(["1050001"], FlowClient.MessageIds(again));
        Assert.Equal(
            ["default/csrf_token", "profile/traits.email", "profile/traits.name.first", "profile/traits.name.last", "profile/traits.age", "profile/method", "password/password", "password/method"],
            body["ui"]!["nodes"]!.AsArray().Select(n => n!["group"] + "/" + n["attributes"]!["name"]));
    }

    [SkippableFact]
    public async Task Submit_WithoutSession_Json401_Browser302ToTheLoginUi()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");
        var anonymousApi = new FlowClient(app, ClientKind.Api);
        var anonymousBrowser = new FlowClient(app, ClientKind.Browser);

        var api = await anonymousApi.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "a brand new passphrase" });
        var browser = await anonymousBrowser.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "a brand new passphrase" });

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("A valid Ory Session Cookie or Ory Session Token is missing.", (await api.JsonAsync())["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Found, browser.StatusCode);
        Assert.Equal("http://localhost:4455/login", browser.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task GetFlow_WithoutSession_Json401_Browser302ToTheLoginUi()
    {
        var (client, _) = await SignedInAsync(ClientKind.Api);
        var flow = await client.InitAsync("settings");
        var url = $"/self-service/settings/flows?id={flow["id"]}";
        var json = new HttpRequestMessage(HttpMethod.Get, url);
        json.Headers.Accept.ParseAdd("application/json");

        var api = await app.Public().SendAsync(json);
        var browser = await app.Public().GetAsync(url);

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Found, browser.StatusCode);
        Assert.Equal("http://localhost:4455/login", browser.Headers.Location!.ToString());
    }

    [SkippableFact]
    public async Task GetFlow_OfAnotherIdentity_Returns403()
    {
        var (alice, _) = await SignedInAsync(ClientKind.Api);
        var (bob, _) = await SignedInAsync(ClientKind.Api);
        var flow = await alice.InitAsync("settings");
        var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/settings/flows?id={flow["id"]}");
        bob.Authorize(request);

        var response = await bob.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("security_identity_mismatch", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    private async Task<(FlowClient Client, string Email)> SignedInAsync(ClientKind kind)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, kind);
        var response = await client.RegisterAsync(email, Password);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
        return (client, email);
    }

    private static JsonObject Node(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == name)!.AsObject();
}

public sealed class SqliteSettingsSubmitTests(CustosAppFactory app) : SettingsSubmitTests<CustosAppFactory>(app);

public sealed class PostgresSettingsSubmitTests(PostgresAppFactory app) : SettingsSubmitTests<PostgresAppFactory>(app);
