using Custos.SelfService.Strategies.WebAuthn;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// Custos's ceremony (Kratos's options, Fido2 4.3.3 underneath) against the software authenticator: each COSE
/// algorithm and attestation format registers and signs in; user verification is enforced only where required.
/// </summary>
public sealed class WebAuthnCeremonyTests
{
    private const string Origin = "https://custos.test";
    private static readonly RelyingParty Rp = new("custos.test", "Custos", [Origin]);
    private readonly WebAuthnCeremony _ceremony = new(NullLogger<WebAuthnCeremony>.Instance, TimeProvider.System);

    private static CreationOptions Creation(string userVerification) =>
        new(Rp, "alice", "alice", [7, 7, 7], PasskeyChallenge(), 300000, [], new AuthenticatorSelection(null, true, "required", userVerification), "none");

    private static byte[] PasskeyChallenge() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    [Theory]
    [InlineData(CoseAlgorithms.Es256, SoftwareAttestation.None)]
    [InlineData(CoseAlgorithms.Es256, SoftwareAttestation.PackedSelf)]
    [InlineData(CoseAlgorithms.EdDsa, SoftwareAttestation.None)]
    [InlineData(CoseAlgorithms.EdDsa, SoftwareAttestation.PackedSelf)]
    [InlineData(CoseAlgorithms.Rs256, SoftwareAttestation.PackedSelf)]
    public async Task EachAlgorithmAndFormat_RegistersAndSignsIn(int algorithm, SoftwareAttestation attestation)
    {
        using var authenticator = new SoftwareAuthenticator { Algorithms = [algorithm], Attestation = attestation };
        var creation = Creation("preferred");

        var registered = await _ceremony.RegisterAsync(Rp, WebAuthnSession.For(creation), authenticator.Create(creation.ToJson().ToJsonString(), Origin), passwordless: true, CancellationToken.None);
        var key = Assert.IsType<StoredWebAuthnCredential>(registered.Credential);
        var assertion = new AssertionOptions(PasskeyChallenge(), 300000, Rp.Id, [], "preferred");
        var parsed = WebAuthnCeremony.ParseAssertion(authenticator.Get(assertion.ToJson().ToJsonString(), Origin))!;
        var verified = await _ceremony.VerifyAsync(Rp, WebAuthnSession.For(assertion), parsed, key, CancellationToken.None);

        Assert.Equal(attestation == SoftwareAttestation.PackedSelf ? "self" : "none", key.AttestationType);
        Assert.True(key.IsPasswordless);
        Assert.Equal(authenticator.Credentials[0].Id, key.Id);
        Assert.NotNull(verified);
        Assert.Equal(1u, verified.SignCount);
        Assert.Equal(new byte[] { 7, 7, 7 }, parsed.UserHandle);
    }

    [Fact]
    public async Task UserVerification_IsEnforcedWhereRequired_Only()
    {
        using var unverified = new SoftwareAuthenticator { UserVerified = false };
        var required = Creation("required");
        var preferred = Creation("preferred");

        var refused = await _ceremony.RegisterAsync(Rp, WebAuthnSession.For(required), unverified.Create(required.ToJson().ToJsonString(), Origin), true, CancellationToken.None);
        var accepted = await _ceremony.RegisterAsync(Rp, WebAuthnSession.For(preferred), unverified.Create(preferred.ToJson().ToJsonString(), Origin), true, CancellationToken.None);
        var strict = new AssertionOptions(PasskeyChallenge(), 300000, Rp.Id, [], "required");
        var assertion = WebAuthnCeremony.ParseAssertion(unverified.Get(strict.ToJson().ToJsonString(), Origin))!;

        Assert.Null(refused.Credential);
        Assert.StartsWith("Unable to create WebAuthn credential: ", refused.Error, StringComparison.Ordinal);
        Assert.NotNull(accepted.Credential);
        Assert.False(accepted.Credential.Flags!.UserVerified);
        Assert.Null(await _ceremony.VerifyAsync(Rp, WebAuthnSession.For(strict), assertion, accepted.Credential, CancellationToken.None));
    }

    [Fact]
    public async Task ARegistrationForAnotherOriginRpOrChallenge_IsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        var creation = Creation("preferred");
        var session = WebAuthnSession.For(creation);
        var json = creation.ToJson().ToJsonString();

        Assert.Null((await _ceremony.RegisterAsync(Rp, session, authenticator.Create(json, "https://evil.test"), true, CancellationToken.None)).Credential);
        Assert.Null((await _ceremony.RegisterAsync(Rp, session, authenticator.Create(json, Origin, new SoftwareTamper { RpId = "evil.test" }), true, CancellationToken.None)).Credential);
        Assert.Null((await _ceremony.RegisterAsync(Rp, session, authenticator.Create(json, Origin, new SoftwareTamper { Challenge = PasskeyChallenge() }), true, CancellationToken.None)).Credential);
        Assert.Null((await _ceremony.RegisterAsync(Rp, session, authenticator.Create(json, Origin, new SoftwareTamper { ClientDataType = "webauthn.get" }), true, CancellationToken.None)).Credential);
    }
}
