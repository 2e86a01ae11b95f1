using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using static Custos.IntegrationTests.WebAuthn.WebAuthnFlowNodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// Security keys as a second factor over HTTP, as a SPA drives them with the software authenticator: add a key in
/// settings, step up to aal2 with it, the ceremony checks, removing keys, and API flows that never see the method.
/// </summary>
public abstract class WebAuthnSecondFactorTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : WebAuthnApp
{
    private const string Password = WebAuthnJourney.Password;
    private readonly WebAuthnJourney _journey = new(app);

    [SkippableFact]
    public async Task AddKey_InSettings_StoresKratossCredential_AndMakesTheSessionAal2()
    {
        var (email, id, client) = await SignedInAsync();
        using var key = new SoftwareAuthenticator();
        var settings = await client.InitAsync("settings");
        var options = JsonNode.Parse(Options(settings, "webauthn_register_trigger"))!["publicKey"]!;

        var added = await client.SubmitAsync(settings, new()
        {
            ["method"] = "webauthn",
            ["webauthn_register"] = key.Create(options.Parent!.ToJsonString(), WebAuthnApp.Origin),
            ["webauthn_register_displayname"] = "My key",
        });
        var session = await (await client.WhoamiAsync()).JsonAsync();
        var credential = await WebAuthnCredentialAsync(id);
        var stored = credential["config"]!["credentials"]![0]!;

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("success", (await added.JsonAsync())["state"]!.GetValue<string>());
        Assert.Equal("Custos Test", options["user"]!["name"]!.GetValue<string>());
        Assert.Equal("""{"userVerification":"discouraged"}""", options["authenticatorSelection"]!.ToJsonString());
        Assert.Equal(120000, options["timeout"]!.GetValue<int>());
        Assert.Null(options["attestation"]);
        Assert.Equal(WebAuthnWire.Encode(Guid.Parse(id).ToByteArray(bigEndian: true)), options["user"]!["id"]!.GetValue<string>());
        Assert.Equal("aal2", session["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["password:aal1", "webauthn:aal2"], Methods(session));
        Assert.Equal([email], credential["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal("My key", stored["display_name"]!.GetValue<string>());
        Assert.False(stored["is_passwordless"]!.GetValue<bool>());
        Assert.Equal(Convert.ToBase64String(key.Credentials[0].Id), stored["id"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(Guid.Parse(id).ToByteArray(bigEndian: true)), credential["config"]!["user_handle"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task StepUp_WithTheKey_MakesWhoamiAal2_OnTheSameSession()
    {
        var (email, _, _, key) = await WithKeyAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await client.LoginAsync(email, Password);
        var refused = await client.WhoamiAsync();

        var flow = await client.InitAsync("login", "?aal=aal2");
        var trigger = Get(flow, "webauthn_login_trigger");
        var options = JsonNode.Parse(Value(flow, "webauthn_login_trigger"))!["publicKey"]!;
        var response = await client.SubmitAsync(flow, new()
        {
            ["method"] = "webauthn",
            ["identifier"] = Value(flow, "identifier"),
            ["webauthn_login"] = key.Get(options.Parent!.ToJsonString(), WebAuthnApp.Origin),
        });
        var session = await (await client.WhoamiAsync()).JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(email, Value(flow, "identifier"));
        Assert.Equal("hidden", Get(flow, "identifier")["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal(1010008, LabelId(trigger));
        Assert.Equal("oryWebAuthnLogin", trigger["attributes"]!["onclickTrigger"]!.GetValue<string>());
        Assert.Equal($"window.oryWebAuthnLogin({Value(flow, "webauthn_login_trigger")})", trigger["attributes"]!["onclick"]!.GetValue<string>());
        Assert.Equal("discouraged", options["userVerification"]!.GetValue<string>());
        Assert.Equal("localhost", options["rpId"]!.GetValue<string>());
        Assert.Equal(WebAuthnWire.Encode(key.Credentials[0].Id), options["allowCredentials"]![0]!["id"]!.GetValue<string>());
        Assert.Contains("webauthn_script", Names(flow));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("aal2", session["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["password:aal1", "webauthn:aal2"], Methods(session));
    }

    [SkippableFact]
    public async Task StepUp_RecordsTheSignCounter()
    {
        var (email, id, _, key) = await WithKeyAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await client.LoginAsync(email, Password);

        var response = await StepUpAsync(client, key, WebAuthnApp.Origin);
        var stored = (await WebAuthnCredentialAsync(id))["config"]!["credentials"]![0]!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(key.Credentials[0].SignCount, stored["authenticator"]!["sign_count"]!.GetValue<uint>());
        Assert.True(key.Credentials[0].SignCount > 0);
    }

    [SkippableTheory]
    [InlineData("signature")]
    [InlineData("origin")]
    [InlineData("rp_id")]
    [InlineData("challenge")]
    public async Task ABrokenAssertion_Is4000043_AndTheFlowStaysUsable(string broken)
    {
        var (email, _, _, key) = await WithKeyAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await client.LoginAsync(email, Password);
        var flow = await client.InitAsync("login", "?aal=aal2");
        var options = Value(flow, "webauthn_login_trigger");
        var tamper = broken switch
        {
            "signature" => new SoftwareTamper { FlipSignatureByte = true },
            "rp_id" => new SoftwareTamper { RpId = "evil.example" },
            "challenge" => new SoftwareTamper { Challenge = new byte[32] },
            _ => new SoftwareTamper(),
        };
        var origin = broken == "origin" ? "http://evil.example:4455" : WebAuthnApp.Origin;

        var refused = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email, ["webauthn_login"] = key.Get(options, origin, tamper) });
        var body = (await refused.JsonAsync()).AsObject();
        var retried = await client.SubmitAsync(body, new() { ["method"] = "webauthn", ["identifier"] = email, ["webauthn_login"] = key.Get(options, WebAuthnApp.Origin) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["4000043"], FlowClient.MessageIds(body));
        Assert.Equal("", Value(body, "webauthn_login"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [SkippableFact]
    public async Task FiftyParallelSubmissions_OfOneAssertion_SucceedOnce()
    {
        var (email, _, _, key) = await WithKeyAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await client.LoginAsync(email, Password);
        var flow = await client.InitAsync("login", "?aal=aal2");
        var assertion = key.Get(Value(flow, "webauthn_login_trigger"), WebAuthnApp.Origin);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email, ["webauthn_login"] = assertion }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, r.StatusCode.ToString()));
    }

    [SkippableFact]
    public async Task AnAssertionOfAnotherKey_Is4000043()
    {
        var (email, _, _, key) = await WithKeyAsync();
        using var _key = key;
        var (_, _, _, other) = await WithKeyAsync();
        using var _other = other;
        var client = new FlowClient(app, ClientKind.Spa);
        await client.LoginAsync(email, Password);
        var flow = await client.InitAsync("login", "?aal=aal2");
        var options = JsonNode.Parse(Value(flow, "webauthn_login_trigger"))!;
        options["publicKey"]!.AsObject().Remove("allowCredentials");

        var refused = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["identifier"] = email, ["webauthn_login"] = other.Get(options.ToJsonString(), WebAuthnApp.Origin) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["4000043"], FlowClient.MessageIds((await refused.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task WithoutAKey_TheAal2FormHasNoTrigger_AndASubmissionIs4000013()
    {
        var (email, _, client) = await SignedInAsync();
        using var stranger = new SoftwareAuthenticator();
        stranger.Create(StrangerOptions(), WebAuthnApp.Origin);
        var flow = await client.InitAsync("login", "?aal=aal2");

        var response = await client.SubmitAsync(flow, new()
        {
            ["method"] = "webauthn",
            ["identifier"] = email,
            ["webauthn_login"] = stranger.Get("""{"publicKey":{"challenge":"AAAA","rpId":"localhost"}}""", WebAuthnApp.Origin),
        });

        Assert.DoesNotContain("webauthn_login_trigger", Names(flow));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000013"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task WithoutIdentifier_TheSubmissionIs4000002()
    {
        var (email, _, _, key) = await WithKeyAsync();
        using var _key = key;
        var client = new FlowClient(app, ClientKind.Spa);
        await client.LoginAsync(email, Password);
        var flow = await client.InitAsync("login", "?aal=aal2");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "webauthn", ["webauthn_login"] = key.Get(Value(flow, "webauthn_login_trigger"), WebAuthnApp.Origin) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4000002"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    private static string StrangerOptions() =>
        """{"publicKey":{"rp":{"name":"x","id":"localhost"},"user":{"name":"x","displayName":"x","id":"AAAA"},"challenge":"AAAA","pubKeyCredParams":[{"type":"public-key","alg":-7}]}}""";

    private Task<(string Email, string Id, FlowClient Client)> SignedInAsync() => _journey.SignedInAsync();

    private Task<(string Email, string Id, FlowClient Client, SoftwareAuthenticator Key)> WithKeyAsync() => _journey.WithKeyAsync();

    private static Task<HttpResponseMessage> StepUpAsync(FlowClient client, SoftwareAuthenticator key, string origin) => WebAuthnJourney.StepUpAsync(client, key, origin);

    private Task<JsonNode> WebAuthnCredentialAsync(string id) => _journey.CredentialAsync(id);

    private static List<string> Methods(JsonNode session) => WebAuthnJourney.Methods(session);
}

public sealed class SqliteWebAuthnSecondFactorTests(WebAuthnApp app) : WebAuthnSecondFactorTests<WebAuthnApp>(app);

public sealed class PostgresWebAuthnSecondFactorTests(WebAuthnPostgresApp app) : WebAuthnSecondFactorTests<WebAuthnPostgresApp>(app);
