using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.WebAuthn;

namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary>
/// Malformed attestation and assertion objects against the passkey endpoints (login, registration, settings): every
/// one is answered with a 4xx in Kratos's shape, never a 5xx, a stack trace or a hang. The cases are mutations of a
/// real ceremony (every byte flipped in turn, truncations, wrong types, bad base64, garbage CBOR) from a fixed seed.
/// </summary>
public sealed class WebAuthnFuzzTests(PasskeyApp app) : IClassFixture<PasskeyApp>
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    private static string Value(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().First(n => n!["attributes"]!["name"]?.GetValue<string>() == name)!["attributes"]!["value"]!.GetValue<string>();

    [Fact]
    public async Task MalformedAssertions_AreAll4xx()
    {
        using var authenticator = new SoftwareAuthenticator();
        var client = new FlowClient(app, ClientKind.Api);
        var registration = await client.InitAsync("registration");
        var created = authenticator.Create(Value(registration, "passkey_create_data"), PasskeyApp.Origin);
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync(registration, new() { ["method"] = "passkey", ["traits.email"] = $"fuzz-{Guid.NewGuid():N}@example.com", ["passkey_register"] = created })).StatusCode);

        var login = await client.InitAsync("login");
        var valid = authenticator.Get(Value(login, "passkey_challenge"), PasskeyApp.Origin);
        var statuses = new List<(string Case, HttpStatusCode Status, string Body)>();
        foreach (var (name, payload) in WebAuthnMutations.Of(valid, ["authenticatorData", "clientDataJSON", "signature", "userHandle"], seed: 12))
        {
            var response = await SubmitAsync(client, login, "passkey_login", payload);
            statuses.Add((name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        AssertAll4xx(statuses);
    }

    [Fact]
    public async Task MalformedAttestations_AreAll4xx_InRegistrationAndSettings()
    {
        using var authenticator = new SoftwareAuthenticator { Attestation = SoftwareAttestation.PackedSelf };
        var client = new FlowClient(app, ClientKind.Api);
        var registration = await client.InitAsync("registration");
        var valid = authenticator.Create(Value(registration, "passkey_create_data"), PasskeyApp.Origin);
        var statuses = new List<(string Case, HttpStatusCode Status, string Body)>();
        foreach (var (name, payload) in WebAuthnMutations.Of(valid, ["attestationObject", "clientDataJSON"], seed: 34))
        {
            var fields = new Dictionary<string, string> { ["method"] = "passkey", ["traits.email"] = "fuzz@example.com", ["passkey_register"] = payload };
            var response = await Within(client.SubmitAsync(registration, fields));
            statuses.Add(("registration " + name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        // Settings, signed in with a real passkey first.
        var signUp = await client.InitAsync("registration");
        using var owner = new SoftwareAuthenticator();
        await client.SubmitAsync(signUp, new() { ["method"] = "passkey", ["traits.email"] = $"fuzz-{Guid.NewGuid():N}@example.com", ["passkey_register"] = owner.Create(Value(signUp, "passkey_create_data"), PasskeyApp.Origin) });
        var login = await client.InitAsync("login");
        var signedIn = await client.SubmitAsync(login, new() { ["method"] = "passkey", ["passkey_login"] = owner.Get(Value(login, "passkey_challenge"), PasskeyApp.Origin) });
        client.SessionToken = (await signedIn.JsonAsync())["session_token"]!.GetValue<string>();
        var settings = await client.InitAsync("settings");
        // Packed (self) attestation signs the authenticator data, so no flipped byte can make another valid key.
        using var second = new SoftwareAuthenticator { Attestation = SoftwareAttestation.PackedSelf };
        var validSettings = second.Create(Value(settings, "passkey_create_data"), PasskeyApp.Origin);
        foreach (var (name, payload) in WebAuthnMutations.Of(validSettings, ["attestationObject", "clientDataJSON"], seed: 56).Take(120))
        {
            var response = await SubmitAsync(client, settings, "passkey_settings_register", payload);
            statuses.Add(("settings " + name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        foreach (var remove in new[] { "zz", "0", "", new string('f', 5000), "%00" })
        {
            var response = await Within(client.SubmitAsync(settings, new() { ["passkey_remove"] = remove }));
            statuses.Add(("remove " + remove, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        AssertAll4xx(statuses);
    }

    private static Task<HttpResponseMessage> SubmitAsync(FlowClient client, JsonObject flow, string field, string payload) =>
        Within(client.SubmitAsync(flow, new() { ["method"] = "passkey", [field] = payload }));

    private static async Task<HttpResponseMessage> Within(Task<HttpResponseMessage> request) => await request.WaitAsync(Hang);

    internal static void AssertAll4xx(List<(string Case, HttpStatusCode Status, string Body)> statuses)
    {
        var wrong = statuses.Where(s => (int)s.Status is < 400 or >= 500 || s.Body.Contains("   at ", StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(10).Select(w => $"{w.Case}: {(int)w.Status} {w.Body[..Math.Min(300, w.Body.Length)]}")));
        Assert.True(statuses.Count > 100, $"only {statuses.Count} cases ran");
    }
}
