using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Hooks;

/// <summary>
/// The login <c>verification</c> hook (strategies contract §7.5): an aal1 login of an identity with an unverified
/// address starts a verification flow and sends its code, never stopping the login; <c>show_verification_ui</c> then
/// points the client at that flow.
/// </summary>
public sealed class LoginVerificationHookTests
{
    private const string Password = "correct horse battery staple";

    private static CustosAppFactory App(bool show) => new()
    {
        ExtraYaml = $$"""
            secrets:
              default:
                - a-default-secret-of-32-characters
            selfservice:
              flows:
                login:
                  after:
                    password:
                      hooks:
                        - hook: verification
            {{(show ? "            - hook: show_verification_ui" : "")}}
                verification:
                  enabled: true
                  ui_url: http://localhost:4455/verification
            """,
    };

    private static async Task<string> NewIdentityAsync(CustosAppFactory app)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        return email;
    }

    private static JsonNode ShowItem(JsonNode body) =>
        body["continue_with"]!.AsArray().Single(c => c!["action"]!.GetValue<string>() == "show_verification_ui")!;

    [SkippableFact]
    public async Task ApiLogin_SendsACode_AndShowsTheVerificationFlow()
    {
        using var app = App(show: true);
        var email = await NewIdentityAsync(app);
        var client = new FlowClient(app, ClientKind.Api);

        var response = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.NotNull(body["session_token"]);
        var show = ShowItem(body);
        Assert.Equal(email, show["flow"]!["verifiable_address"]!.GetValue<string>());
        var flow = await client.GetFlowAsync("verification", show["flow"]!["id"]!.GetValue<string>());
        Assert.Equal("sent_email", flow["state"]!.GetValue<string>());
        Assert.Equal("verification_code_valid", Assert.Single(await app.MessagesAsync(email)).TemplateType);

        var verified = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });
        Assert.Equal("passed_challenge", (await verified.JsonAsync())["state"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task BrowserLogin_IsSignedIn_AndSentToTheVerificationUi()
    {
        using var app = App(show: true);
        var email = await NewIdentityAsync(app);
        var client = new FlowClient(app, ClientKind.Browser);

        var response = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/verification?flow=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task SpaLogin_ContinuesWithTheReturnUrl_ThenTheVerificationFlow()
    {
        using var app = App(show: true);
        var email = await NewIdentityAsync(app);
        var client = new FlowClient(app, ClientKind.Spa);

        var response = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.JsonAsync())["continue_with"]!.AsArray();
        Assert.Equal(["redirect_browser_to", "show_verification_ui"], items.Select(c => c!["action"]!.GetValue<string>()));
        // A browser flow names the verification UI (Kratos sets `url` for browser flows only).
        Assert.StartsWith("http://localhost:4455/verification?flow=", items[1]!["flow"]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WithoutShowVerificationUi_TheCodeIsSent_ButNotShown()
    {
        using var app = App(show: false);
        var email = await NewIdentityAsync(app);
        var client = new FlowClient(app, ClientKind.Api);

        var response = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await response.JsonAsync())["continue_with"]);
        Assert.Single(await app.MessagesAsync(email));
    }

    [SkippableFact]
    public async Task VerifiedAddress_SendsNothing()
    {
        using var app = App(show: true);
        var email = await NewIdentityAsync(app);
        var client = new FlowClient(app, ClientKind.Api);
        var first = ShowItem(await (await client.LoginAsync(email, Password)).JsonAsync());
        var flow = await client.GetFlowAsync("verification", first["flow"]!["id"]!.GetValue<string>());
        await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });

        var again = await new FlowClient(app, ClientKind.Api).LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Null((await again.JsonAsync())["continue_with"]);
        Assert.Single(await app.MessagesAsync(email));
    }
}
