using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.WebAuthn;
using Custos.SelfService.Strategies.Totp;

namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// A passkey is one factor (aal1, Kratos 8eee972d8): a person with a passkey and an authenticator app who signs in with
/// the passkey gets a session that needs the app's code before whoami answers, then aal2 on the same session.
/// </summary>
public sealed class PasskeySecondFactorTests(PasskeyTotpApp app) : IClassFixture<PasskeyTotpApp>
{
    private DateTime Now => app.ManualClock.GetUtcNow().UtcDateTime;

    private static string Value(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().First(n => n!["attributes"]!["name"]?.GetValue<string>() == name)!["attributes"]!["value"]?.GetValue<string>() ?? "";

    private static string Text(JsonObject flow, string id) =>
        flow["ui"]!["nodes"]!.AsArray().First(n => n!["attributes"]!["id"]?.GetValue<string>() == id)!["attributes"]!["text"]!["text"]!.GetValue<string>();

    private async Task<HttpResponseMessage> PasskeyLoginAsync(FlowClient client, SoftwareAuthenticator key)
    {
        var flow = await client.InitAsync("login");
        var response = await client.SubmitAsync(flow, new() { ["method"] = "passkey", ["passkey_login"] = key.Get(Value(flow, "passkey_challenge"), PasskeyApp.Origin) });
        client.SessionToken = (await response.JsonAsync())["session_token"]?.GetValue<string>();
        return response;
    }

    [SkippableFact]
    public async Task APasskeyLogin_OfAPersonWithTotp_IsAal1UntilTheCode_ThenAal2()
    {
        using var key = new SoftwareAuthenticator();
        var enrolling = new FlowClient(app, ClientKind.Api);
        var registration = await enrolling.InitAsync("registration");
        Assert.Equal(HttpStatusCode.OK, (await enrolling.SubmitAsync(registration, new()
        {
            ["method"] = "passkey", ["traits.email"] = $"pk2fa-{Guid.NewGuid():N}@example.com",
            ["passkey_register"] = key.Create(Value(registration, "passkey_create_data"), PasskeyApp.Origin),
        })).StatusCode);
        await PasskeyLoginAsync(enrolling, key);
        var settings = await enrolling.InitAsync("settings");
        var secret = Text(settings, "totp_secret_key");
        Assert.Equal(HttpStatusCode.OK, (await enrolling.SubmitAsync(settings, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(secret, Now) })).StatusCode);

        var client = new FlowClient(app, ClientKind.Api);
        var login = await PasskeyLoginAsync(client, key);
        var loginBody = await login.JsonAsync();
        var refused = await client.WhoamiAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("aal1", loginBody["session"]!["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Null(loginBody["session"]!["identity"]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("session_aal2_required", (await refused.JsonAsync())["error"]!["id"]!.GetValue<string>());

        app.ManualClock.Advance(TimeSpan.FromSeconds(30));
        var stepUp = await client.InitAsync("login", "?aal=aal2");
        var steppedUp = await client.SubmitAsync(stepUp, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(secret, Now) });
        var session = await (await client.WhoamiAsync()).JsonAsync();

        Assert.DoesNotContain("passkey_login_trigger", stepUp.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, steppedUp.StatusCode);
        Assert.Equal("aal2", session["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["passkey:aal1", "totp:aal2"], session["authentication_methods"]!.AsArray().Select(m => $"{m!["method"]}:{m["aal"]}"));
    }
}
