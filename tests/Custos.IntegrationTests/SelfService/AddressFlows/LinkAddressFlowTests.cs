using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>The link strategy, <c>use_continue_with_transitions</c>, unknown-recipient notices and <c>require_verified_address</c>.</summary>
public sealed class LinkAddressFlowTests(LinkAddressFlowApp app) : IClassFixture<LinkAddressFlowApp>
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    [SkippableFact]
    public async Task RecoveryLink_SignsIn_AndLeadsToSettings_AndWorksOnce()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var spa = new FlowClient(app, ClientKind.Spa);
        var sent = await (await spa.SubmitAsync(await spa.InitAsync("recovery"), new() { ["method"] = "link", ["email"] = email })).JsonAsync();
        Assert.Contains("1060002", FlowClient.MessageIds(sent.AsObject()));
        Assert.Equal("recovery_valid", Assert.Single(await app.MessagesAsync(email)).TemplateType);
        var link = await app.LatestLinkAsync(email);

        var browser = new FlowClient(app, ClientKind.Browser);
        var clicked = await browser.Http.GetAsync(link);
        var again = await new FlowClient(app, ClientKind.Browser).Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, clicked.StatusCode);
        Assert.StartsWith("http://localhost:4455/settings?flow=", clicked.Headers.Location!.ToString(), StringComparison.Ordinal);
        var whoami = await (await browser.WhoamiAsync()).JsonAsync();
        Assert.Equal("link_recovery", whoami["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.StartsWith("http://localhost:4455/recovery?flow=", again.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UnknownRecipients_GetTheInvalidNotice()
    {
        var email = NewEmail();
        var spa = new FlowClient(app, ClientKind.Spa);

        await spa.SubmitAsync(await spa.InitAsync("recovery"), new() { ["method"] = "link", ["email"] = email });
        await spa.SubmitAsync(await spa.InitAsync("verification"), new() { ["method"] = "link", ["email"] = email });

        var types = (await app.MessagesAsync(email)).Select(m => m.TemplateType).Order().ToList();
        Assert.Equal(["recovery_invalid", "verification_invalid"], types);
    }

    [SkippableFact]
    public async Task VerificationLink_VerifiesTheAddress()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var spa = new FlowClient(app, ClientKind.Spa);
        var sent = await (await spa.SubmitAsync(await spa.InitAsync("verification"), new() { ["method"] = "link", ["email"] = email })).JsonAsync();
        Assert.Contains("1080001", FlowClient.MessageIds(sent.AsObject()));

        var clicked = await new FlowClient(app, ClientKind.Browser).Http.GetAsync(await app.LatestLinkAsync(email));

        Assert.Equal(HttpStatusCode.SeeOther, clicked.StatusCode);
        Assert.StartsWith("http://localhost:4455/verification?flow=", clicked.Headers.Location!.ToString(), StringComparison.Ordinal);
        var identity = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync())[0]!;
        Assert.True(identity["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task AdminRecoveryLink_RecoversTheAccount()
    {
        var identity = await app.Admin().CreateIdentityAsync(NewEmail(), Password);

        var created = await app.Admin().PostJsonAsync("/admin/recovery/link", $$"""{"identity_id":"{{identity["id"]}}","expires_in":"1h"}""");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var link = new Uri((await created.JsonAsync())["recovery_link"]!.GetValue<string>());
        Assert.Equal("/self-service/recovery", link.AbsolutePath);
        var browser = new FlowClient(app, ClientKind.Browser);
        var clicked = await browser.Http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.SeeOther, clicked.StatusCode);
        Assert.StartsWith("http://localhost:4455/settings?flow=", clicked.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task WithContinueWithTransitions_ANativeClientGetsTheSessionToken_AndTheSettingsFlow()
    {
        var identity = await app.Admin().CreateIdentityAsync(NewEmail(), Password);
        var code = await (await app.Admin().PostJsonAsync("/admin/recovery/code", $$"""{"identity_id":"{{identity["id"]}}","flow_type":"api"}""")).JsonAsync();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.GetFlowAsync("recovery", System.Web.HttpUtility.ParseQueryString(new Uri(code["recovery_link"]!.GetValue<string>()).Query)["flow"]!);

        var used = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code["recovery_code"]!.GetValue<string>() });

        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        var body = await used.JsonAsync();
        Assert.Equal("passed_challenge", body["state"]!.GetValue<string>());
        var continueWith = body["continue_with"]!.AsArray();
        Assert.Equal(["set_ory_session_token", "show_settings_ui"], continueWith.Select(c => c!["action"]!.GetValue<string>()));
        client.SessionToken = continueWith[0]!["ory_session_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await client.WhoamiAsync()).StatusCode);
        var settings = await client.GetFlowAsync("settings", continueWith[1]!["flow"]!["id"]!.GetValue<string>());
        Assert.Contains("1060001", FlowClient.MessageIds(settings));
    }

    [SkippableTheory]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Browser)]
    public async Task RequireVerifiedAddress_StopsTheLogin_AndStartsVerification(ClientKind kind)
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, kind);

        var response = await client.LoginAsync(email, Password);

        if (kind == ClientKind.Browser)
        {
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.StartsWith("http://localhost:4455/verification?flow=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var error = (await response.JsonAsync())["error"]!;
            Assert.Equal("session_verified_address_required", error["id"]!.GetValue<string>());
            Assert.Equal(400, error["code"]!.GetValue<int>());
            Assert.Equal("show_verification_ui", error["details"]!["continue_with"]![0]!["action"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.WhoamiAsync()).StatusCode);
        Assert.Equal("verification_valid", Assert.Single(await app.MessagesAsync(email)).TemplateType);
        await new FlowClient(app, ClientKind.Browser).Http.GetAsync(await app.LatestLinkAsync(email));
        Assert.Equal(HttpStatusCode.OK, (await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password)).StatusCode);
    }
}
