using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

public abstract class VerificationFlowTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : AddressFlowApp
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private async Task<JsonObject> AddressAsync(string email)
    {
        var admin = app.Admin();
        var list = (await (await admin.GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync()).AsArray();
        return Assert.Single(list)!["verifiable_addresses"]![0]!.AsObject();
    }

    [SkippableFact]
    public async Task Registration_SendsACode_AndShowVerificationUi_LeadsToTheFlow_ThatVerifiesTheAddress()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = NewEmail();

        var registered = await (await client.RegisterAsync(email, Password)).JsonAsync();
        var show = registered["continue_with"]!.AsArray().Single(c => c!["action"]!.GetValue<string>() == "show_verification_ui")!;
        Assert.Equal(email, show["flow"]!["verifiable_address"]!.GetValue<string>());
        Assert.False(show["flow"]!.AsObject().ContainsKey("url"), "a native app gets no UI URL, as in Kratos");
        Assert.Equal("sent", (await AddressAsync(email))["status"]!.GetValue<string>());
        var flow = await client.GetFlowAsync("verification", show["flow"]!["id"]!.GetValue<string>());
        Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
        var message = Assert.Single(await app.MessagesAsync(email));
        Assert.Equal("verification_code_valid", message.TemplateType);

        var response = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });
        var passed = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("passed_challenge", passed["state"]!.GetValue<string>());
        Assert.Contains("1080002", FlowClient.MessageIds(passed.AsObject()));
        Assert.Equal("GET", passed["ui"]!["method"]!.GetValue<string>());
        var continueNode = passed["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["id"]?.GetValue<string>() == "continue")!;
        Assert.Equal("http://localhost:4455/verified", continueNode["attributes"]!["href"]!.GetValue<string>());
        var address = await AddressAsync(email);
        Assert.True(address["verified"]!.GetValue<bool>());
        Assert.Equal("completed", address["status"]!.GetValue<string>());
        Assert.NotNull(address["verified_at"]);
    }

    [SkippableFact]
    public async Task BrowserRegistration_IsRedirectedToTheVerificationUi()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var email = NewEmail();

        var response = await client.RegisterAsync(email, Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/verification?flow=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var id = System.Web.HttpUtility.ParseQueryString(response.Headers.Location.Query)["flow"]!;
        var flow = await client.GetFlowAsync("verification", id);
        var submitted = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.Equal("passed_challenge", (await client.GetFlowAsync("verification", id))["state"]!.GetValue<string>());
        Assert.True((await AddressAsync(email))["verified"]!.GetValue<bool>());
    }

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task SelfService_SendsACode_WrongCodeAnswers4070006With200_RightCodeVerifies(ClientKind kind)
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, kind);
        var flow = await client.InitAsync("verification");
        Assert.Equal("choose_method", flow["state"]!.GetValue<string>());

        var sent = await client.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });
        flow = kind == ClientKind.Browser ? await client.GetFlowAsync("verification", flow["id"]!.GetValue<string>()) : (await sent.JsonAsync()).AsObject();
        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
        Assert.Contains("1080003", FlowClient.MessageIds(flow));
        var code = await app.LatestCodeAsync(email);

        var wrong = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code == "000000" ? "111111" : "000000" });
        if (kind != ClientKind.Browser)
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("4070006", FlowClient.MessageIds((await wrong.JsonAsync()).AsObject()));
        }

        var right = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });
        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, right.StatusCode);
        Assert.True((await AddressAsync(email))["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task UnknownAddress_GetsTheSameAnswer_AndNoMessage()
    {
        var known = NewEmail();
        var unknown = NewEmail();
        await app.Admin().CreateIdentityAsync(known, Password);
        var client = new FlowClient(app, ClientKind.Spa);

        var a = await (await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "code", ["email"] = known })).JsonAsync();
        var b = await (await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "code", ["email"] = unknown })).JsonAsync();

        Assert.Equal(Mailbox.FlowShape(a), Mailbox.FlowShape(b));
        Assert.Single(await app.MessagesAsync(known));
        Assert.Empty(await app.MessagesAsync(unknown));
    }

    [SkippableFact]
    public async Task ACode_IsSingleUse()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = (await (await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "code", ["email"] = email })).JsonAsync()).AsObject();
        var code = await app.LatestCodeAsync(email);

        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code })).StatusCode);
        var again = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        var error = await again.JsonAsync();
        Assert.Equal("self_service_flow_replaced", error["error"]!["id"]!.GetValue<string>());
        var replacement = await client.GetFlowAsync("verification", error["use_flow_id"]!.GetValue<string>());
        Assert.Contains("4070002", FlowClient.MessageIds(replacement));
    }

    [SkippableFact]
    public async Task FiftyParallelSubmissionsOfOneCode_VerifyOnce()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = (await (await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "code", ["email"] = email })).JsonAsync()).AsObject();
        var code = await app.LatestCodeAsync(email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            new FlowClient(app, ClientKind.Api).SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code })));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Gone, r.StatusCode.ToString()));
        var states = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync())["state"]?.GetValue<string>()));
        Assert.Single(states, s => s == "passed_challenge");
        Assert.True((await AddressAsync(email))["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task ABodyForTheOtherMethod_Gets4010006_AndSendsNothing()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Spa);

        var response = await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "link", ["email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010006", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
        Assert.Empty(await app.MessagesAsync(email));
    }

    [SkippableFact]
    public async Task AnExpiredCode_GivesANewFlow_WithTheExpiryMessage()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = (await (await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "code", ["email"] = email })).JsonAsync()).AsObject();
        var code = await app.LatestCodeAsync(email);

        app.ManualClock.Advance(TimeSpan.FromMinutes(11));
        var late = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        var replacement = await client.GetFlowAsync("verification", (await late.JsonAsync())["use_flow_id"]!.GetValue<string>());
        Assert.Contains("4070005", FlowClient.MessageIds(replacement));
        Assert.False((await AddressAsync(email))["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task TheLinkInTheCodeMail_PrefillsTheCode_AndRedirectsToTheUi()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("verification");
        await client.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });

        var click = await new FlowClient(app, ClientKind.Browser).Http.GetAsync(await app.LatestLinkAsync(email));

        Assert.Equal(HttpStatusCode.SeeOther, click.StatusCode);
        Assert.Equal($"http://localhost:4455/verification?flow={flow["id"]}", click.Headers.Location!.ToString());
        Assert.Contains(click.Headers.GetValues("Set-Cookie"), c => c.StartsWith("csrf_token_", StringComparison.Ordinal));
        Assert.False((await AddressAsync(email))["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task TooManyWrongCodes_ReplaceTheFlow()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = (await (await client.SubmitAsync(await client.InitAsync("verification"), new() { ["method"] = "code", ["email"] = email })).JsonAsync()).AsObject();
        var code = await app.LatestCodeAsync(email);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = wrong })).StatusCode);
        }

        var sixth = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.Gone, sixth.StatusCode);
        Assert.False((await AddressAsync(email))["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task ChangingTheEmailInSettings_SendsAVerificationCodeToTheNewAddress()
    {
        var client = new FlowClient(app, ClientKind.Spa);
        var email = NewEmail();
        var changed = NewEmail();
        await client.RegisterAsync(email, Password);
        var settings = await client.InitAsync("settings");

        var response = await client.SubmitAsync(settings, new() { ["method"] = "profile", ["traits.email"] = changed });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await app.MessagesAsync(changed));
        Assert.Equal("verification_code_valid", message.TemplateType);
        Assert.Equal("sent", (await AddressAsync(changed))["status"]!.GetValue<string>());
    }
}

public sealed class SqliteVerificationFlowTests(AddressFlowApp app) : VerificationFlowTests<AddressFlowApp>(app);

public sealed class PostgresVerificationFlowTests(PostgresAddressFlowApp app) : VerificationFlowTests<PostgresAddressFlowApp>(app);
