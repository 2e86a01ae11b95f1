using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.NodeOrder;

/// <summary>
/// Strategies contract §0.2: a created flow's nodes come in Kratos's order, and so does a flow answered with errors; the
/// order is stored, so the UI reading the flow by id sees it too.
/// </summary>
public sealed class CreatedFlowNodeOrderTests(AllMethodsApp app) : IClassFixture<AllMethodsApp>
{
    private const string Password = "correct horse battery staple";

    // Login groups rank oidc, default, webauthn, passkey, code, password, totp, lookup_secret; "method" is last in its group.
    private static readonly string[] LoginOrder = ["default/csrf_token", "default/identifier", "code/method", "password/password", "password/method"];

    [SkippableFact]
    public async Task Login_Created_BrowserFlowReadById_InKratosOrder()
    {
        var flow = await new FlowClient(app, ClientKind.Browser).InitAsync("login");

        Assert.Equal(LoginOrder, Names(flow));
    }

    [SkippableFact]
    public async Task Login_WrongPassword_FlowErrorKeepsKratosOrder_AndIsStoredSo()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var refused = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = "nobody@example.com", ["password"] = "wrong password" });
        var body = (await refused.JsonAsync()).AsObject();
        var stored = await client.GetFlowAsync("login", flow["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(LoginOrder, Names(body));
        Assert.Equal(LoginOrder, Names(stored));
    }

    [SkippableFact]
    public async Task Settings_Created_TraitsInSchemaOrder_ThenPassword_BackupCodes_Totp()
    {
        var client = new FlowClient(app, ClientKind.Api);
        Assert.Equal(HttpStatusCode.OK, (await client.RegisterAsync($"order-{Guid.NewGuid():N}@example.com", Password)).StatusCode);

        var flow = await client.InitAsync("settings");

        // Settings groups rank default, profile, password, oidc, lookup_secret, webauthn, passkey, totp; within a group
        // the schema's traits, then lookup_secret_reveal/regenerate/codes/confirm, ..., totp_qr, totp_secret_key,
        // totp_unlink, totp_code.
        Assert.Equal(
            ["default/csrf_token", "profile/traits.email", "profile/traits.name.first", "profile/traits.name.last", "profile/traits.age", "profile/method",
             "password/password", "password/method", "lookup_secret/lookup_secret_regenerate", "totp/totp_qr", "totp/totp_secret_key", "totp/totp_code",
             "totp/method"],
            Names(flow));
    }

    [SkippableFact]
    public async Task Settings_Success_IsTheCreatedFlowsOrder()
    {
        // Kratos answers a settings success with the form of a new flow (settings.Handler.NewFlow), which it sorts.
        var email = $"order-{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Api);
        Assert.Equal(HttpStatusCode.OK, (await client.RegisterAsync(email, Password)).StatusCode);
        var flow = await client.InitAsync("settings");

        var saved = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email, ["traits.name.first"] = "Ada" });
        var body = (await saved.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("success", body["state"]!.GetValue<string>());
        Assert.Equal(Names(flow), Names(body));
    }

    internal static List<string> Names(JsonObject flow) =>
        [.. flow["ui"]!["nodes"]!.AsArray().Select(n => n!["group"]!.GetValue<string>() + "/" + (n["attributes"]!["name"] ?? n["attributes"]!["id"])!.GetValue<string>())];
}
