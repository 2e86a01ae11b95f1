using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>
/// <c>POST /admin/recovery/link</c> under <c>recovery.use: code</c>: in Kratos the flow an admin link creates belongs to
/// the link method whatever <c>use</c> says, so opening the link signs the browser in.
/// </summary>
public sealed class AdminRecoveryLinkUnderCodeTests(CodeAndLinkRecoveryApp app) : IClassFixture<CodeAndLinkRecoveryApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task AdminLink_SignsTheBrowserIn_AndOpensSettingsWithTheRecoveryMessage()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", Password);
        var link = await AdminLinkAsync(identity);
        var browser = new FlowClient(app, ClientKind.Browser);

        var clicked = await browser.Http.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.SeeOther, clicked.StatusCode);
        var location = clicked.Headers.Location!;
        Assert.StartsWith("http://localhost:4455/settings?flow=", location.ToString(), StringComparison.Ordinal);
        Assert.Contains(clicked.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ory_kratos_session=", StringComparison.Ordinal));
        var whoami = await (await browser.WhoamiAsync()).JsonAsync();
        Assert.Equal(identity["id"]!.GetValue<string>(), whoami["identity"]!["id"]!.GetValue<string>());
        Assert.Equal("link_recovery", whoami["authentication_methods"]![0]!["method"]!.GetValue<string>());
        var settings = await browser.GetFlowAsync("settings", HttpUtility.ParseQueryString(location.Query)["flow"]!);
        Assert.Contains("1060001", FlowClient.MessageIds(settings));
    }

    [SkippableFact]
    public async Task AdminLinkFlow_BelongsToTheLinkMethod()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", Password);
        var link = await AdminLinkAsync(identity);

        var flow = await new FlowClient(app, ClientKind.Browser).GetFlowAsync("recovery", HttpUtility.ParseQueryString(link.Query)["flow"]!);

        Assert.Equal("link", flow["active"]!.GetValue<string>());
        var method = flow["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]!.GetValue<string>() == "method")!;
        Assert.Equal("link", method["group"]!.GetValue<string>());
        Assert.Equal("link", method["attributes"]!["value"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task AdminLink_UsedTwice_LeadsToANewLinkFlowWithTheInvalidTokenMessage()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", Password);
        var link = await AdminLinkAsync(identity);
        Assert.Equal(HttpStatusCode.SeeOther, (await new FlowClient(app, ClientKind.Browser).Http.GetAsync(link.PathAndQuery)).StatusCode);
        var second = new FlowClient(app, ClientKind.Browser);

        var again = await second.Http.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.StartsWith("http://localhost:4455/recovery?flow=", again.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.WhoamiAsync()).StatusCode);
        var replacement = await second.GetFlowAsync("recovery", HttpUtility.ParseQueryString(again.Headers.Location!.Query)["flow"]!);
        Assert.Contains("4060004", FlowClient.MessageIds(replacement));
        Assert.Equal("link", replacement["active"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task AdminLinkFlow_IsOfferedToTheLinkMethodOnly_SoACodeRequestGets4010005()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = await app.Admin().CreateIdentityAsync(email, Password);
        var link = await AdminLinkAsync(identity);
        var spa = new FlowClient(app, ClientKind.Spa);
        var flow = await spa.GetFlowAsync("recovery", HttpUtility.ParseQueryString(link.Query)["flow"]!);

        var response = await spa.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010005", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
        Assert.Empty(await app.MessagesAsync(email));
    }

    [SkippableFact]
    public async Task SelfServiceRecovery_StillSendsACode()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var spa = new FlowClient(app, ClientKind.Spa);

        var sent = await (await spa.SubmitAsync(await spa.InitAsync("recovery"), new() { ["method"] = "code", ["email"] = email })).JsonAsync();

        Assert.Contains("1060003", FlowClient.MessageIds(sent.AsObject()));
        Assert.Equal("recovery_code_valid", Assert.Single(await app.MessagesAsync(email)).TemplateType);
    }

    private async Task<Uri> AdminLinkAsync(JsonNode identity)
    {
        var created = await app.Admin().PostJsonAsync("/admin/recovery/link", $$"""{"identity_id":"{{identity["id"]}}","expires_in":"1h"}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return new Uri((await created.JsonAsync())["recovery_link"]!.GetValue<string>());
    }
}
