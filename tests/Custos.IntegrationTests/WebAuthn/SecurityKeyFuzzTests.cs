using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.Passkeys;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// Malformed attestations and assertions against the security-key endpoints (settings "add key", the aal2 step-up):
/// every one is a 4xx in Kratos's shape, never a 5xx, a stack trace or a hang.
/// </summary>
public sealed class SecurityKeyFuzzTests(WebAuthnApp app) : IClassFixture<WebAuthnApp>
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task MalformedAttestationsAndAssertions_AreAll4xx()
    {
        var journey = new WebAuthnJourney(app);
        var (email, _, client, key) = await journey.WithKeyAsync();
        using var _ = key;
        var statuses = new List<(string Case, HttpStatusCode Status, string Body)>();

        var settings = await client.InitAsync("settings");
        using var packed = new SoftwareAuthenticator { Attestation = SoftwareAttestation.PackedSelf };
        var validAttestation = packed.Create(WebAuthnFlowNodes.Value(settings, "webauthn_register_trigger"), WebAuthnApp.Origin);
        foreach (var (name, payload) in WebAuthnMutations.Of(validAttestation, ["attestationObject", "clientDataJSON"], seed: 78).Take(120))
        {
            var response = await client.SubmitAsync(settings, new() { ["method"] = "webauthn", ["webauthn_register"] = payload, ["webauthn_register_displayname"] = "x" }).WaitAsync(Hang);
            statuses.Add(("settings " + name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        // A new password sign-in: its session needs the key (aal2).
        var halfSignedIn = new FlowClient(app, ClientKind.Spa);
        await halfSignedIn.LoginAsync(email, WebAuthnJourney.Password);
        client = halfSignedIn;
        var stepUp = await client.InitAsync("login", "?aal=aal2");
        var identifier = WebAuthnFlowNodes.Value(stepUp, "identifier");
        var validAssertion = key.Get(WebAuthnFlowNodes.Value(stepUp, "webauthn_login_trigger"), WebAuthnApp.Origin);
        // An empty user handle is no mutation: it is how Kratos's webauthn.js posts a security key's missing one, and a valid sign-in.
        foreach (var (name, payload) in WebAuthnMutations.Of(validAssertion, ["authenticatorData", "clientDataJSON", "signature", "userHandle"], seed: 90)
            .Where(m => m.Name is not ("userHandle = ''" or "userHandle truncated to 0")))
        {
            var response = await client.SubmitAsync(stepUp, new() { ["method"] = "webauthn", ["identifier"] = identifier, ["webauthn_login"] = payload }).WaitAsync(Hang);
            statuses.Add(("step-up " + name, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        WebAuthnFuzzTests.AssertAll4xx(statuses);
    }
}
