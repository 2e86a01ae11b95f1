using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>
/// <c>POST /admin/recovery/code</c> under <c>recovery.use: link</c>: the flow belongs to the code method, so the code
/// redeems it and a resend on it mails a code, not a link.
/// </summary>
public sealed class AdminRecoveryCodeUnderLinkTests(LinkAddressFlowApp app) : IClassFixture<LinkAddressFlowApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task AdminCode_SubmittedInABrowser_SignsIn_AndOpensSettingsWithTheRecoveryMessage()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", Password);
        var (flowId, code) = await AdminCodeAsync(identity);
        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.GetFlowAsync("recovery", flowId);

        var used = await browser.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        var location = used.Headers.Location!;
        Assert.StartsWith("http://localhost:4455/settings?flow=", location.ToString(), StringComparison.Ordinal);
        var whoami = await (await browser.WhoamiAsync()).JsonAsync();
        Assert.Equal(identity["id"]!.GetValue<string>(), whoami["identity"]!["id"]!.GetValue<string>());
        Assert.Equal("code_recovery", whoami["authentication_methods"]![0]!["method"]!.GetValue<string>());
        var settings = await browser.GetFlowAsync("settings", HttpUtility.ParseQueryString(location.Query)["flow"]!);
        Assert.Contains("1060001", FlowClient.MessageIds(settings));
    }

    [SkippableFact]
    public async Task AdminCodeFlow_Resend_MailsACode_AndTheMailedCodeSignsIn()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = await app.Admin().CreateIdentityAsync(email, Password);
        var (flowId, _) = await AdminCodeAsync(identity);
        var spa = new FlowClient(app, ClientKind.Spa);
        var flow = await spa.GetFlowAsync("recovery", flowId);

        var resent = await (await spa.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email })).JsonAsync();

        Assert.Equal("code", resent["active"]!.GetValue<string>());
        Assert.Contains("1060003", FlowClient.MessageIds(resent.AsObject()));
        Assert.Equal("recovery_code_valid", Assert.Single(await app.MessagesAsync(email)).TemplateType);
        var used = await spa.SubmitAsync(resent.AsObject(), new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await spa.WhoamiAsync()).StatusCode);
    }

    private async Task<(string FlowId, string Code)> AdminCodeAsync(JsonNode identity)
    {
        var created = await app.Admin().PostJsonAsync("/admin/recovery/code", $$"""{"identity_id":"{{identity["id"]}}"}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var flowId = HttpUtility.ParseQueryString(new Uri(body["recovery_link"]!.GetValue<string>()).Query)["flow"]!;
        return (flowId, body["recovery_code"]!.GetValue<string>());
    }
}
