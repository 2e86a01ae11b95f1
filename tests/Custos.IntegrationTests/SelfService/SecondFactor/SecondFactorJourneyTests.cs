using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Strategies.Totp;

namespace Custos.IntegrationTests.SelfService.SecondFactor;

/// <summary>
/// The whole second-factor journey over HTTP, as an SDK client drives it: enrol TOTP or backup codes in settings, sign
/// in again (the session needs a second factor: identity withheld, whoami 403), step up with <c>?aal=aal2</c>.
/// </summary>
public abstract class SecondFactorJourneyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : SecondFactorApp
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task Totp_EnrolInSettings_ThenPasswordLoginNeedsAal2_AndTheCodeStepsUp()
    {
        var email = await NewIdentityAsync();
        var enrolling = new FlowClient(app, ClientKind.Api);
        await enrolling.LoginAsync(email, Password);
        var settings = await enrolling.InitAsync("settings");
        var secret = Text(settings, "totp_secret_key");

        var linked = await enrolling.SubmitAsync(settings, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(secret, Now) });
        var enrolledSession = await (await enrolling.WhoamiAsync()).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal("success", (await linked.JsonAsync())["state"]!.GetValue<string>());
        Assert.Equal("aal2", enrolledSession["authenticator_assurance_level"]!.GetValue<string>());

        var client = new FlowClient(app, ClientKind.Api);
        var login = await client.LoginAsync(email, Password);
        var loginBody = await login.JsonAsync();
        var refused = await client.WhoamiAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotNull(loginBody["session_token"]);
        Assert.Null(loginBody["session"]!["identity"]);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("session_aal2_required", (await refused.JsonAsync())["error"]!["id"]!.GetValue<string>());

        // The enrolment code's step is spent; the next step's code signs in.
        app.ManualClock.Advance(TimeSpan.FromSeconds(30));
        var stepUp = await client.InitAsync("login", "?aal=aal2");
        var wrong = await client.SubmitAsync(stepUp, new() { ["method"] = "totp", ["totp_code"] = "000000" });
        var right = await client.SubmitAsync(stepUp, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(secret, Now) });
        var whoami = await client.WhoamiAsync();
        var session = await whoami.JsonAsync();

        Assert.Contains("totp_code", Names(stepUp));
        Assert.DoesNotContain("password", Names(stepUp));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("4000008", FlowClient.MessageIds((await wrong.JsonAsync()).AsObject()));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal("aal2", session["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(loginBody["session"]!["id"]!.GetValue<string>(), session["id"]!.GetValue<string>());
        Assert.Equal(["password", "totp"], session["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Totp_Unlink_RemovesTheSecondFactor()
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);
        var settings = await client.InitAsync("settings");
        await client.SubmitAsync(settings, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(Text(settings, "totp_secret_key"), Now) });

        var linked = await client.InitAsync("settings");
        var unlinked = await client.SubmitAsync(linked, new() { ["totp_unlink"] = "true" });
        var again = await client.InitAsync("settings");

        Assert.Contains("totp_unlink", Names(linked));
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Contains("totp_code", Names(again));
        Assert.DoesNotContain("totp_unlink", Names(again));
    }

    [SkippableFact]
    public async Task BackupCodes_RegenerateConfirm_ThenEachCodeStepsUpOnce()
    {
        var email = await NewIdentityAsync();
        var enrolling = new FlowClient(app, ClientKind.Api);
        await enrolling.LoginAsync(email, Password);
        var settings = await enrolling.InitAsync("settings");

        var regenerated = await enrolling.SubmitAsync(settings, new() { ["lookup_secret_regenerate"] = "true" });
        var shown = (await regenerated.JsonAsync()).AsObject();
        var codes = Codes(shown);
        var confirmed = await enrolling.SubmitAsync(shown, new() { ["lookup_secret_confirm"] = "true" });

        Assert.Equal(HttpStatusCode.OK, regenerated.StatusCode);
        Assert.Equal(12, codes.Count);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("success", (await confirmed.JsonAsync())["state"]!.GetValue<string>());

        var first = new FlowClient(app, ClientKind.Api);
        await first.LoginAsync(email, Password);
        var stepUp = await first.InitAsync("login", "?aal=aal2");
        var used = await first.SubmitAsync(stepUp, new() { ["method"] = "lookup_secret", ["lookup_secret"] = codes[0] });

        var second = new FlowClient(app, ClientKind.Api);
        await second.LoginAsync(email, Password);
        var reuse = await second.SubmitAsync(await second.InitAsync("login", "?aal=aal2"), new() { ["method"] = "lookup_secret", ["lookup_secret"] = codes[0] });

        Assert.Contains("lookup_secret", Names(stepUp));
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Contains("4000012", FlowClient.MessageIds((await reuse.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task Aal1Flow_RefusesASecondFactorMethod_With4010002()
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "totp", ["totp_code"] = "123456" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010002", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task Browser_PasswordLogin_OfAnEnrolledIdentity_IsSentToTheAal2Login()
    {
        var email = await NewIdentityAsync();
        var enrolling = new FlowClient(app, ClientKind.Api);
        await enrolling.LoginAsync(email, Password);
        var settings = await enrolling.InitAsync("settings");
        await enrolling.SubmitAsync(settings, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(Text(settings, "totp_secret_key"), Now) });

        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.InitAsync("login");
        var response = await browser.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.EndsWith("/self-service/login/browser?aal=aal2", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private DateTime Now => app.ManualClock.GetUtcNow().UtcDateTime;

    private async Task<string> NewIdentityAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        return email;
    }

    private static IEnumerable<JsonNode> Nodes(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!);

    private static List<string> Names(JsonObject flow) =>
        Nodes(flow).Select(n => n["attributes"]!["name"]?.GetValue<string>() ?? n["attributes"]!["id"]?.GetValue<string>() ?? "").ToList();

    private static string Text(JsonObject flow, string id) =>
        Nodes(flow).First(n => n["attributes"]!["id"]?.GetValue<string>() == id)["attributes"]!["text"]!["text"]!.GetValue<string>();

    private static List<string> Codes(JsonObject flow) =>
        Nodes(flow).First(n => n["attributes"]!["id"]?.GetValue<string>() == "lookup_secret_codes")["attributes"]!["text"]!["context"]!["secrets"]!
            .AsArray().Select(s => s!["text"]!.GetValue<string>()).ToList();
}

public sealed class SqliteSecondFactorJourneyTests(SecondFactorApp app) : SecondFactorJourneyTests<SecondFactorApp>(app);

public sealed class PostgresSecondFactorJourneyTests(SecondFactorPostgresApp app) : SecondFactorJourneyTests<SecondFactorPostgresApp>(app);
