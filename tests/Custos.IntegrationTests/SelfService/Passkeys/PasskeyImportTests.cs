using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.WebAuthn;

namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Keys imported through the admin API in Kratos's credential JSON sign in: a passkey (found by its user handle, the
/// handle's text being the identifier, as Kratos) and a passwordless <c>webauthn</c> key (the passkey login's
/// fallback to WebAuthn user handles, strategies contract §4.9 #10).
/// </summary>
public sealed class PasskeyImportTests(PasskeyApp app) : IClassFixture<PasskeyApp>
{
    private static string Value(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().First(n => n!["attributes"]!["name"]?.GetValue<string>() == name)!["attributes"]!["value"]!.GetValue<string>();

    /// <summary>A key held by <paramref name="authenticator"/> for rp id localhost, made outside Custos.</summary>
    private static SoftwareCredential Enrol(SoftwareAuthenticator authenticator, byte[] userHandle)
    {
        var options = new JsonObject
        {
            ["publicKey"] = new JsonObject
            {
                ["rp"] = new JsonObject { ["id"] = "localhost", ["name"] = "elsewhere" },
                ["user"] = new JsonObject { ["id"] = WebAuthnWire.Encode(userHandle), ["name"] = "x", ["displayName"] = "x" },
                ["challenge"] = WebAuthnWire.Encode(new byte[32]),
                ["pubKeyCredParams"] = new JsonArray(new JsonObject { ["type"] = "public-key", ["alg"] = -7 }),
            },
        };
        authenticator.Create(options.ToJsonString(), PasskeyApp.Origin);
        return authenticator.Credentials[^1];
    }

    private static JsonObject Key(SoftwareCredential credential, bool passwordless) => new()
    {
        ["id"] = Convert.ToBase64String(credential.Id),
        ["public_key"] = Convert.ToBase64String(credential.Key.EncodeCosePublicKey()),
        ["attestation_type"] = "none",
        ["authenticator"] = new JsonObject { ["aaguid"] = "AAAAAAAAAAAAAAAAAAAAAA==", ["sign_count"] = 0, ["clone_warning"] = false },
        ["display_name"] = "imported",
        ["added_at"] = "2026-01-02T03:04:05Z",
        ["is_passwordless"] = passwordless,
    };

    private async Task<string> ImportAsync(string type, SoftwareCredential credential, bool passwordless)
    {
        var body = new JsonObject
        {
            ["schema_id"] = "default",
            ["traits"] = new JsonObject { ["email"] = $"import-{Guid.NewGuid():N}@example.com" },
            ["credentials"] = new JsonObject
            {
                [type] = new JsonObject
                {
                    ["config"] = new JsonObject
                    {
                        ["credentials"] = new JsonArray(Key(credential, passwordless)),
                        ["user_handle"] = Convert.ToBase64String(credential.UserHandle),
                    },
                },
            },
        };
        var created = await app.Admin().PostAsJsonAsync("/admin/identities", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync())["id"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> PasskeyLoginAsync(SoftwareAuthenticator authenticator)
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        return await client.SubmitAsync(flow, new() { ["method"] = "passkey", ["passkey_login"] = authenticator.Get(Value(flow, "passkey_challenge"), PasskeyApp.Origin) });
    }

    [SkippableFact]
    public async Task AnImportedPasskey_IsFoundByItsUserHandleText_AndSignsIn()
    {
        using var authenticator = new SoftwareAuthenticator();
        var handle = Encoding.ASCII.GetBytes("Imported0123456789Imported0123456789Imported0123456789Imported01");
        var id = await ImportAsync("passkey", Enrol(authenticator, handle), passwordless: true);
        var stored = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=passkey")).JsonAsync();

        var login = await PasskeyLoginAsync(authenticator);

        Assert.Equal([Encoding.ASCII.GetString(handle)], stored["credentials"]!["passkey"]!["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(id, (await login.JsonAsync())["session"]!["identity"]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task APasswordlessWebAuthnKey_SignsInThroughThePasskeyLogin_ButASecondFactorKeyDoesNot()
    {
        using var passwordless = new SoftwareAuthenticator();
        var id = await ImportAsync("webauthn", Enrol(passwordless, Guid.NewGuid().ToByteArray()), passwordless: true);
        using var secondFactor = new SoftwareAuthenticator();
        await ImportAsync("webauthn", Enrol(secondFactor, Guid.NewGuid().ToByteArray()), passwordless: false);

        var login = await PasskeyLoginAsync(passwordless);
        var refused = await PasskeyLoginAsync(secondFactor);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(id, (await login.JsonAsync())["session"]!["identity"]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["4000043"], FlowClient.MessageIds((await refused.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task APasskeyImportWithAHandleThatIsNotBase64_Is400()
    {
        var body = JsonNode.Parse("""
            {"schema_id":"default","traits":{"email":"bad-handle@example.com"},
             "credentials":{"passkey":{"config":{"credentials":[{"id":"a2V5","public_key":"a2V5","is_passwordless":true}],"user_handle":"%%%"}}}}
            """);
        var response = await app.Admin().PostAsJsonAsync("/admin/identities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
