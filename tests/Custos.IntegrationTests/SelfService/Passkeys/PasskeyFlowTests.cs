using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.WebAuthn;

namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Passkeys over HTTP as a native app drives them with Kratos's SDK: register with a passkey, sign in with it alone
/// (discoverable, no identifier), the credential JSON the admin API shows, and every refusal the contract names.
/// </summary>
public abstract class PasskeyFlowTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : PasskeyApp
{
    private static string Value(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().First(n => n!["attributes"]!["name"]?.GetValue<string>() == name)!["attributes"]!["value"]!.GetValue<string>();

    private static List<string> Names(JsonObject flow) =>
        flow["ui"]!["nodes"]!.AsArray().Select(n => (n!["attributes"]!["name"] ?? n["attributes"]!["id"])!.GetValue<string>()).ToList();

    private async Task<(string Email, JsonObject Body)> RegisterAsync(SoftwareAuthenticator authenticator)
    {
        var email = $"pk-{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");
        var response = authenticator.Create(Value(flow, "passkey_create_data"), PasskeyApp.Origin);
        var registered = await client.SubmitAsync(flow, new() { ["method"] = "passkey", ["traits.email"] = email, ["passkey_register"] = response });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return (email, (await registered.JsonAsync()).AsObject());
    }

    private async Task<(HttpResponseMessage Response, JsonObject Flow)> LoginAsync(SoftwareAuthenticator authenticator, SoftwareTamper? tamper = null, string? origin = null)
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        var assertion = authenticator.Get(Value(flow, "passkey_challenge"), origin ?? PasskeyApp.Origin, tamper);
        return (await client.SubmitAsync(flow, new() { ["method"] = "passkey", ["passkey_login"] = assertion }), flow);
    }

    private async Task<JsonObject> PasskeyCredentialAsync(string identityId)
    {
        var identity = await (await app.Admin().GetAsync($"/admin/identities/{identityId}?include_credential=passkey")).JsonAsync();
        return identity["credentials"]!["passkey"]!.AsObject();
    }

    [SkippableFact]
    public async Task NativeRegistration_StoresKratosCredentialJson_AndThePasskeyAloneSignsIn()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (email, registered) = await RegisterAsync(authenticator);
        var identityId = registered["identity"]!["id"]!.GetValue<string>();
        var credential = await PasskeyCredentialAsync(identityId);
        var key = credential["config"]!["credentials"]![0]!;
        var handle = System.Text.Encoding.UTF8.GetString(authenticator.Credentials[0].UserHandle);

        Assert.Equal(email, registered["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Matches("^[A-Za-z0-9]{64}$", handle);
        Assert.Equal([handle], credential["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(Convert.ToBase64String(authenticator.Credentials[0].Id), key["id"]!.GetValue<string>());
        Assert.Equal(Convert.ToBase64String(authenticator.Credentials[0].UserHandle), credential["config"]!["user_handle"]!.GetValue<string>());
        Assert.True(key["is_passwordless"]!.GetValue<bool>());
        Assert.Equal("none", key["attestation_type"]!.GetValue<string>());
        Assert.Equal("AAAAAAAAAAAAAAAAAAAAAA==", key["authenticator"]!["aaguid"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", key["added_at"]!.GetValue<string>());
        Assert.Equal(["internal"], key["transport"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.True(key["flags"]!["user_present"]!.GetValue<bool>());

        var (login, _) = await LoginAsync(authenticator);
        var session = await login.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(identityId, session["session"]!["identity"]!["id"]!.GetValue<string>());
        Assert.Equal("aal1", session["session"]!["authenticator_assurance_level"]!.GetValue<string>());
        Assert.Equal(["passkey"], session["session"]!["authentication_methods"]!.AsArray().Select(m => m!["method"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task ApiFlows_CarryTriggersButNoScriptAndNoJavaScript()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var login = await client.InitAsync("login");
        var registration = await client.InitAsync("registration");
        var createData = JsonNode.Parse(Value(registration, "passkey_create_data"))!;
        var options = JsonNode.Parse(Value(login, "passkey_challenge"))!["publicKey"]!;

        Assert.DoesNotContain("webauthn_script", Names(login));
        Assert.DoesNotContain("\"onclick\"", login.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\"onload\"", login.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"onclickTrigger\":\"oryPasskeyLogin\"", login.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["challenge", "timeout", "rpId", "userVerification"], options.AsObject().Select(p => p.Key));
        Assert.Equal(("localhost", 300000, "preferred"), (options["rpId"]!.GetValue<string>(), options["timeout"]!.GetValue<int>(), options["userVerification"]!.GetValue<string>()));
        Assert.Equal("traits.email", createData["displayNameFieldName"]!.GetValue<string>());
        Assert.Equal(["rp", "user", "challenge", "pubKeyCredParams", "timeout", "authenticatorSelection", "attestation"],
            createData["credentialOptions"]!["publicKey"]!.AsObject().Select(p => p.Key));
        Assert.Equal("""{"requireResidentKey":true,"residentKey":"required","userVerification":"preferred"}""",
            createData["credentialOptions"]!["publicKey"]!["authenticatorSelection"]!.ToJsonString());
        Assert.Equal("Custos Passkeys", createData["credentialOptions"]!["publicKey"]!["rp"]!["name"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task BrowserFlows_CarryTheScriptWithTheIntegrityOfTheServedBytes()
    {
        var client = new FlowClient(app, ClientKind.Spa);
        var login = await client.InitAsync("login");
        var script = login["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["id"]?.GetValue<string>() == "webauthn_script")!;
        var served = await client.Http.GetByteArrayAsync("/.well-known/ory/webauthn.js");

        Assert.Equal("sha512-" + Convert.ToBase64String(System.Security.Cryptography.SHA512.HashData(served)), script["attributes"]!["integrity"]!.GetValue<string>());
        Assert.Contains("\"onload\":\"window.oryPasskeyLoginAutocompleteInit()\"", login.ToJsonString(), StringComparison.Ordinal);
        // The sorted order (strategies contract §0.2): the script's group ranks first, then the passkey group.
        Assert.Equal(["csrf_token", "identifier", "webauthn_script", "passkey_login_trigger", "passkey_login", "passkey_challenge"],
            Names(login).Where(n => n is not ("password" or "method")));

        var registration = await client.InitAsync("registration");
        Assert.Equal(["csrf_token", "traits.email", "webauthn_script", "passkey_register_trigger", "passkey_register", "passkey_create_data"],
            Names(registration).Where(n => n is not ("password" or "method")));
        Assert.Contains("\"onclick\":\"window.oryPasskeyRegistration()\"", registration.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TamperedAssertions_AreRefusedWith4000043_AndAnUnknownUserHandleWith4000015()
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator);
        var other = new FlowClient(app, ClientKind.Api);
        var otherChallenge = JsonNode.Parse(Value(await other.InitAsync("login"), "passkey_challenge"))!["publicKey"]!["challenge"]!.GetValue<string>();

        var cases = new (SoftwareTamper? Tamper, string? Origin, string Id)[]
        {
            (new SoftwareTamper { FlipSignatureByte = true }, null, "4000043"),
            (null, "http://evil.example:4455", "4000043"),
            (new SoftwareTamper { RpId = "evil.example" }, null, "4000043"),
            (new SoftwareTamper { Challenge = WebAuthnWire.Decode(otherChallenge) }, null, "4000043"),
            (new SoftwareTamper { ClientDataType = "webauthn.create" }, null, "4000043"),
            (new SoftwareTamper { UserHandle = "nobody-has-this-handle"u8.ToArray() }, null, "4000015"),
        };
        foreach (var (tamper, origin, id) in cases)
        {
            var (response, _) = await LoginAsync(authenticator, tamper, origin);
            var body = (await response.JsonAsync()).AsObject();

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal([id], FlowClient.MessageIds(body));
        }
    }

    [SkippableFact]
    public async Task AnAssertionReplayedOnAnotherFlow_IsRefused_AndParallelUsesOfOneFlow_SignInOnce()
    {
        using var authenticator = new SoftwareAuthenticator();
        await RegisterAsync(authenticator);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        var assertion = authenticator.Get(Value(flow, "passkey_challenge"), PasskeyApp.Origin);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            new FlowClient(app, ClientKind.Api).SubmitAsync(flow, new() { ["method"] = "passkey", ["passkey_login"] = assertion })));
        var replay = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "passkey", ["passkey_login"] = assertion });

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(["4000043"], FlowClient.MessageIds((await replay.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task ACounterThatDoesNotRise_IsFlaggedAndNeverLowered_ButAlwaysZeroIsNot()
    {
        using var counting = new SoftwareAuthenticator();
        var (_, registered) = await RegisterAsync(counting);
        var id = registered["identity"]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(counting)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(counting)).Response.StatusCode);
        var before = (await PasskeyCredentialAsync(id))["config"]!["credentials"]![0]!["authenticator"]!;

        counting.Credentials[0].SignCount = 0; // a cloned key reports an older count
        var cloned = await LoginAsync(counting);
        var after = (await PasskeyCredentialAsync(id))["config"]!["credentials"]![0]!["authenticator"]!;

        Assert.Equal((2u, false), (before["sign_count"]!.GetValue<uint>(), before["clone_warning"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.OK, cloned.Response.StatusCode);
        Assert.Equal((2u, true), (after["sign_count"]!.GetValue<uint>(), after["clone_warning"]!.GetValue<bool>()));

        using var synced = new SoftwareAuthenticator { Synced = true, ZeroCounter = true };
        var (_, syncedRegistration) = await RegisterAsync(synced);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(synced)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(synced)).Response.StatusCode);
        var syncedKey = (await PasskeyCredentialAsync(syncedRegistration["identity"]!["id"]!.GetValue<string>()))["config"]!["credentials"]![0]!;

        Assert.Equal((0u, false), (syncedKey["authenticator"]!["sign_count"]!.GetValue<uint>(), syncedKey["authenticator"]!["clone_warning"]!.GetValue<bool>()));
        Assert.True(syncedKey["flags"]!["backup_state"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task Settings_AddsASecondPasskeyExcludingTheFirst_RemovesOne_ButNeverTheLastFirstFactor()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (_, registered) = await RegisterAsync(authenticator);
        var token = (await (await LoginAsync(authenticator)).Response.JsonAsync())["session_token"]!.GetValue<string>();
        var client = new FlowClient(app, ClientKind.Api) { SessionToken = token };
        var settings = await client.InitAsync("settings");
        var options = JsonNode.Parse(Value(settings, "passkey_create_data"))!["publicKey"]!;
        var lockedOut = await client.SubmitAsync(settings, new() { ["passkey_remove"] = Convert.ToHexStringLower(authenticator.Credentials[0].Id) });

        Assert.Equal(Convert.ToBase64String(authenticator.Credentials[0].Id).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            options["excludeCredentials"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, lockedOut.StatusCode);
        Assert.Equal(["4000001"], FlowClient.MessageIds((await lockedOut.JsonAsync()).AsObject()));

        using var second = new SoftwareAuthenticator();
        var added = await client.SubmitAsync(settings, new() { ["method"] = "passkey", ["passkey_settings_register"] = second.Create(Value(settings, "passkey_create_data"), PasskeyApp.Origin) });
        var addedBody = (await added.JsonAsync()).AsObject();
        var credential = await PasskeyCredentialAsync(registered["identity"]!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, credential["config"]!["credentials"]!.AsArray().Count);
        Assert.Equal(2, credential["identifiers"]!.AsArray().Count);
        Assert.Equal(2, Names(addedBody).Count(n => n == "passkey_remove"));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(second)).Response.StatusCode);

        var fresh = await client.InitAsync("settings");
        var removed = await client.SubmitAsync(fresh, new() { ["passkey_remove"] = Convert.ToHexStringLower(authenticator.Credentials[0].Id) });
        var unknown = await client.SubmitAsync(fresh, new() { ["passkey_remove"] = "00ff" });

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Single((await PasskeyCredentialAsync(registered["identity"]!["id"]!.GetValue<string>()))["config"]!["credentials"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await LoginAsync(authenticator)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}

public sealed class SqlitePasskeyFlowTests(PasskeyApp app) : PasskeyFlowTests<PasskeyApp>(app);

public sealed class PostgresPasskeyFlowTests(PasskeyPostgresApp app) : PasskeyFlowTests<PasskeyPostgresApp>(app);
