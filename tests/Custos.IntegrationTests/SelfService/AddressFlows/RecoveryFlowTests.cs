using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

public abstract class RecoveryFlowTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AddressFlowApp
{
    private const string Password = "correct horse battery staple";
    private const string NewPassword = "a brand new passphrase for this account";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private async Task<(FlowClient Client, JsonObject Flow, string Email)> CodeSentAsync(ClientKind kind)
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, kind);
        var flow = await client.InitAsync("recovery");
        var sent = await client.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });
        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, sent.StatusCode);
        flow = kind == ClientKind.Browser ? await client.GetFlowAsync("recovery", flow["id"]!.GetValue<string>()) : (await sent.JsonAsync()).AsObject();
        Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
        Assert.Contains("1060003", FlowClient.MessageIds(flow));
        return (client, flow, email);
    }

    [SkippableFact]
    public async Task Browser_RecoversWithTheCode_SetsANewPassword_AndSignsInWithIt()
    {
        var (client, flow, email) = await CodeSentAsync(ClientKind.Browser);
        Assert.Equal("recovery_code_valid", Assert.Single(await app.MessagesAsync(email)).TemplateType);

        var used = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });

        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        Assert.StartsWith("http://localhost:4455/settings?flow=", used.Headers.Location!.ToString(), StringComparison.Ordinal);
        var settings = await client.GetFlowAsync("settings", System.Web.HttpUtility.ParseQueryString(used.Headers.Location.Query)["flow"]!);
        Assert.Contains("1060001", FlowClient.MessageIds(settings));
        var whoami = await (await client.WhoamiAsync()).JsonAsync();
        Assert.Equal("code_recovery", whoami["authentication_methods"]![0]!["method"]!.GetValue<string>());

        var changed = await client.SubmitAsync(settings, new() { ["method"] = "password", ["password"] = NewPassword });
        Assert.Equal(HttpStatusCode.SeeOther, changed.StatusCode);
        var fresh = new FlowClient(app, ClientKind.Api);
        Assert.Equal(HttpStatusCode.OK, (await fresh.LoginAsync(email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password)).StatusCode);
    }

    [SkippableTheory]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task JsonClients_Get422ToTheSettingsUi_ByDefault(ClientKind kind)
    {
        var (client, flow, email) = await CodeSentAsync(kind);

        var used = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });

        Assert.Equal((HttpStatusCode)422, used.StatusCode);
        var error = await used.JsonAsync();
        Assert.Equal("browser_location_change_required", error["error"]!["id"]!.GetValue<string>());
        Assert.StartsWith("http://localhost:4455/settings?flow=", error["redirect_browser_to"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(kind == ClientKind.Spa ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await client.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task AWrongCode_Answers200With4060006()
    {
        var (client, flow, email) = await CodeSentAsync(ClientKind.Spa);
        var code = await app.LatestCodeAsync(email);

        var wrong = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code == "000000" ? "111111" : "000000" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("4060006", FlowClient.MessageIds((await wrong.JsonAsync()).AsObject()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoCode()
    {
        var known = NewEmail();
        var unknown = NewEmail();
        await app.Admin().CreateIdentityAsync(known, Password);
        var client = new FlowClient(app, ClientKind.Spa);

        var a = await client.SubmitAsync(await client.InitAsync("recovery"), new() { ["method"] = "code", ["email"] = known });
        var b = await client.SubmitAsync(await client.InitAsync("recovery"), new() { ["method"] = "code", ["email"] = unknown });

        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(Mailbox.FlowShape(await a.JsonAsync()), Mailbox.FlowShape(await b.JsonAsync()));
        Assert.Single(await app.MessagesAsync(known));
        Assert.Empty(await app.MessagesAsync(unknown));
    }

    [SkippableFact]
    public async Task FiftyParallelSubmissionsOfOneCode_SucceedOnce()
    {
        var (_, flow, email) = await CodeSentAsync(ClientKind.Api);
        var code = await app.LatestCodeAsync(email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            new FlowClient(app, ClientKind.Api).SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code })));

        Assert.Single(responses, r => r.StatusCode == (HttpStatusCode)422);
        Assert.All(responses, r => Assert.True(r.StatusCode is (HttpStatusCode)422 or HttpStatusCode.OK or HttpStatusCode.Gone, r.StatusCode.ToString()));
    }

    [SkippableFact]
    public async Task ABodyForTheOtherMethod_Gets4010005_AndSendsNothing()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Spa);

        var response = await client.SubmitAsync(await client.InitAsync("recovery"), new() { ["method"] = "link", ["email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010005", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
        Assert.Empty(await app.MessagesAsync(email));
    }

    [SkippableFact]
    public async Task AnExpiredCode_DoesNotRecover()
    {
        var (client, flow, email) = await CodeSentAsync(ClientKind.Spa);
        var code = await app.LatestCodeAsync(email);

        app.ManualClock.Advance(TimeSpan.FromMinutes(11));
        var late = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        var replacement = await client.GetFlowAsync("recovery", (await late.JsonAsync())["use_flow_id"]!.GetValue<string>());
        Assert.Contains("4060005", FlowClient.MessageIds(replacement));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task ARecoveryThatFails_DoesNotUseUpTheCode()
    {
        var (client, flow, email) = await CodeSentAsync(ClientKind.Spa);
        var code = await app.LatestCodeAsync(email);
        var id = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync())[0]!["id"]!.GetValue<string>();

        await SetStateAsync(id, "inactive");
        var refused = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });
        var sessions = await (await app.Admin().GetAsync($"/admin/identities/{id}/sessions")).JsonAsync();
        await SetStateAsync(id, "active");
        var used = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(sessions.AsArray());
        Assert.Equal((HttpStatusCode)422, used.StatusCode);
    }

    private async Task SetStateAsync(string id, string state)
    {
        var patched = await app.Admin().SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}", $$"""[{"op":"replace","path":"/state","value":"{{state}}"}]""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
    }

    [SkippableFact]
    public async Task ASignedInPerson_CannotStartRecovery()
    {
        var client = new FlowClient(app, ClientKind.Api);
        await client.RegisterAsync(NewEmail(), Password);

        var response = await client.Http.SendAsync(WithToken(client, new HttpRequestMessage(HttpMethod.Get, "/self-service/recovery/api")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("session_already_available", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("login")]
    [InlineData("registration")]
    [InlineData("recovery")]
    public async Task ASignedInBrowser_IsNotRedirectedToAForbiddenReturnTo(string flow)
    {
        var client = new FlowClient(app, ClientKind.Browser);
        await client.RegisterAsync(NewEmail(), Password);

        var allowed = await client.Http.GetAsync($"/self-service/{flow}/browser?return_to=http://localhost:4455/after");
        var forbidden = await client.Http.GetAsync($"/self-service/{flow}/browser?return_to=https://evil.example/steal");

        Assert.Equal("http://localhost:4455/after", allowed.Headers.Location!.ToString());
        Assert.StartsWith("http://localhost:4455/error?id=", forbidden.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("recovery", """{"method":"code","code":123456}""")]
    [InlineData("recovery", """{"method":"code","email":5}""")]
    [InlineData("verification", """{"method":["code"]}""")]
    [InlineData("verification", """{"method":"code","code":{"x":1}}""")]
    [InlineData("login", """{"method":"password","identifier":"a@b.c","password":"x","csrf_token":7}""")]
    public async Task FieldsOfTheWrongJsonType_AreA400(string flow, string body)
    {
        var client = new FlowClient(app, ClientKind.Api);
        var created = await client.InitAsync(flow);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(created["ui"]!["action"]!.GetValue<string>()).PathAndQuery)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a string", (await response.JsonAsync())["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AdminRecoveryCode_GivesALinkAndCode_ThatRecoverTheAccountInAnotherBrowser()
    {
        var email = NewEmail();
        var identity = await app.Admin().CreateIdentityAsync(email, Password);

        var created = await app.Admin().PostJsonAsync("/admin/recovery/code", $$"""{"identity_id":"{{identity["id"]}}","expires_in":"15m"}""");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Matches("^[0-9]{6}$", body["recovery_code"]!.GetValue<string>());
        var link = new Uri(body["recovery_link"]!.GetValue<string>());
        Assert.StartsWith("http://localhost:4455/recovery?flow=", link.ToString(), StringComparison.Ordinal);
        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.GetFlowAsync("recovery", System.Web.HttpUtility.ParseQueryString(link.Query)["flow"]!);
        Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
        var used = await browser.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = body["recovery_code"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        Assert.StartsWith("http://localhost:4455/settings?flow=", used.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.WhoamiAsync()).StatusCode);
    }

    [SkippableTheory]
    [InlineData("""{"identity_id":"00000000-0000-4000-8000-000000000000"}""", 404)]
    [InlineData("""{"identity_id":"not-a-uuid"}""", 400)]
    [InlineData("""{"identity_id":"{id}","expires_in":"soon"}""", 400)]
    [InlineData("""{"identity_id":"{id}","expires_in":"-1h"}""", 400)]
    [InlineData("""{"identity_id":"{id}","flow_type":"carrier-pigeon"}""", 400)]
    public async Task AdminRecoveryCode_RefusesBadInput(string json, int status)
    {
        var identity = await app.Admin().CreateIdentityAsync(NewEmail(), Password);

        var response = await app.Admin().PostJsonAsync("/admin/recovery/code", json.Replace("{id}", identity["id"]!.GetValue<string>(), StringComparison.Ordinal));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.NotNull((await response.JsonAsync())["error"]!["message"]);
    }

    [SkippableFact]
    public async Task AdminRecoveryLink_IsDisabledWithoutTheLinkMethod()
    {
        var identity = await app.Admin().CreateIdentityAsync(NewEmail(), Password);

        var response = await app.Admin().PostJsonAsync("/admin/recovery/link", $$"""{"identity_id":"{{identity["id"]}}"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpRequestMessage WithToken(FlowClient client, HttpRequestMessage request)
    {
        client.Authorize(request);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }
}

public sealed class SqliteRecoveryFlowTests(AddressFlowApp app) : RecoveryFlowTests<AddressFlowApp>(app);

public sealed class PostgresRecoveryFlowTests(PostgresAddressFlowApp app) : RecoveryFlowTests<PostgresAddressFlowApp>(app);
