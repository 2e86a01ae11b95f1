using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib.Objects;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Fido2 4.3.3 accepts what the software authenticator produces when nothing is tampered with.</summary>
public sealed class SoftwareAuthenticatorTests
{
    private readonly Fido2Verifier _rp = new();

    [Theory]
    [InlineData(CoseAlgorithms.Es256, SoftwareAttestation.None, "none")]
    [InlineData(CoseAlgorithms.Es256, SoftwareAttestation.PackedSelf, "packed")]
    [InlineData(CoseAlgorithms.Rs256, SoftwareAttestation.None, "none")]
    [InlineData(CoseAlgorithms.Rs256, SoftwareAttestation.PackedSelf, "packed")]
    [InlineData(CoseAlgorithms.EdDsa, SoftwareAttestation.None, "none")]
    [InlineData(CoseAlgorithms.EdDsa, SoftwareAttestation.PackedSelf, "packed")]
    public async Task RegisterThenLogIn_IsAcceptedForEachAlgorithmAndFormat(int algorithm, SoftwareAttestation attestation, string fmt)
    {
        using var authenticator = new SoftwareAuthenticator { Algorithms = [algorithm], Attestation = attestation };
        var options = _rp.RegistrationOptions(AttestationConveyancePreference.Direct);

        var registered = await _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin));

        Assert.Equal(fmt, registered.AttestationFormat);
        Assert.Equal(authenticator.Credentials[0].Id, registered.Id);
        Assert.Equal(Fido2Verifier.UserId, registered.User.Id);
        Assert.Equal(0u, registered.SignCount);

        var counter = registered.SignCount;
        for (var login = 1u; login <= 2; login++)
        {
            var assertionOptions = _rp.AssertionOptions([registered.Id]);
            var result = await _rp.AssertAsync(
                assertionOptions, authenticator.Get(assertionOptions.ToJson(), Fido2Verifier.Origin), registered, counter);
            Assert.Equal(login, result.SignCount);
            Assert.Equal(registered.Id, result.CredentialId);
            counter = result.SignCount;
        }
    }

    [Fact]
    public void Create_ReturnsTheJsonShapeABrowserSends()
    {
        using var authenticator = new SoftwareAuthenticator();
        var options = _rp.RegistrationOptions();

        var json = JsonNode.Parse(authenticator.Create(options.ToJson(), Fido2Verifier.Origin))!;

        Assert.Equal((string)json["id"]!, (string)json["rawId"]!);
        Assert.Equal("public-key", (string)json["type"]!);
        Assert.NotNull(json["response"]!["attestationObject"]);
        var clientData = JsonNode.Parse(WebAuthnWire.Decode((string)json["response"]!["clientDataJSON"]!))!;
        Assert.Equal("webauthn.create", (string)clientData["type"]!);
        Assert.Equal(WebAuthnWire.Encode(options.Challenge), (string)clientData["challenge"]!);
        Assert.Equal(Fido2Verifier.Origin, (string)clientData["origin"]!);
        Assert.Equal(CoseAlgorithms.Es256, authenticator.Credentials[0].Key.Algorithm);
    }

    [Fact]
    public async Task KratosWrappedOptions_AreUnwrapped()
    {
        using var authenticator = new SoftwareAuthenticator();
        var options = _rp.RegistrationOptions();
        var wrapped = $"{{\"credentialOptions\":{{\"publicKey\":{options.ToJson()}}},\"displayNameFieldName\":\"traits.email\"}}";

        var registered = await _rp.RegisterAsync(options, authenticator.Create(wrapped, Fido2Verifier.Origin));

        var assertionOptions = _rp.AssertionOptions([]);
        var result = await _rp.AssertAsync(
            assertionOptions,
            authenticator.Get($"{{\"publicKey\":{assertionOptions.ToJson()}}}", Fido2Verifier.Origin),
            registered,
            registered.SignCount);
        Assert.Equal(1u, result.SignCount);
    }

    [Fact]
    public async Task SyncedPasskeyWithCounterZeroForever_IsAccepted()
    {
        using var authenticator = new SoftwareAuthenticator { Synced = true, ZeroCounter = true };
        var options = _rp.RegistrationOptions();
        var registered = await _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin));
        Assert.True(registered.IsBackupEligible);
        Assert.True(registered.IsBackedUp);

        for (var login = 0; login < 2; login++)
        {
            var assertionOptions = _rp.AssertionOptions([]);
            var result = await _rp.AssertAsync(
                assertionOptions, authenticator.Get(assertionOptions.ToJson(), Fido2Verifier.Origin), registered, 0);
            Assert.Equal(0u, result.SignCount);
            Assert.True(result.IsBackedUp);
        }
    }

    [Fact]
    public async Task DiscoverableLogin_ReturnsTheUserHandle_ServerSideCredentialDoesNot()
    {
        using var authenticator = new SoftwareAuthenticator();
        var options = _rp.RegistrationOptions();
        var registered = await _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin));

        var discoverable = JsonNode.Parse(authenticator.Get(_rp.AssertionOptions([]).ToJson(), Fido2Verifier.Origin))!;
        authenticator.Credentials[0].Discoverable = false;
        var serverSide = JsonNode.Parse(authenticator.Get(_rp.AssertionOptions([registered.Id]).ToJson(), Fido2Verifier.Origin))!;

        Assert.Equal(Fido2Verifier.UserId, WebAuthnWire.Decode((string)discoverable["response"]!["userHandle"]!));
        Assert.Null(serverSide["response"]!["userHandle"]);
    }

    [Fact]
    public async Task ExcludedOrUnknownCredentials_AreRefusedLikeABrowserDoes()
    {
        using var authenticator = new SoftwareAuthenticator();
        var options = _rp.RegistrationOptions();
        var registered = await _rp.RegisterAsync(options, authenticator.Create(options.ToJson(), Fido2Verifier.Origin));

        var again = _rp.RegistrationOptions(exclude: [registered.Id]);
        Assert.Throws<InvalidOperationException>(() => authenticator.Create(again.ToJson(), Fido2Verifier.Origin));
        var unknown = _rp.AssertionOptions([[1, 2, 3]]);
        Assert.Throws<InvalidOperationException>(() => authenticator.Get(unknown.ToJson(), Fido2Verifier.Origin));
        using var edOnly = new SoftwareAuthenticator { Algorithms = [CoseAlgorithms.EdDsa] };
        var es256Only = JsonNode.Parse(options.ToJson())!;
        es256Only["pubKeyCredParams"] = JsonNode.Parse("""[{"type":"public-key","alg":-7}]""");
        Assert.Throws<InvalidOperationException>(() => edOnly.Create(es256Only.ToJsonString(), Fido2Verifier.Origin));
    }

    [Fact]
    public void ResponseJson_RoundTripsThroughFido2Models()
    {
        using var authenticator = new SoftwareAuthenticator();
        var json = authenticator.Create(_rp.RegistrationOptions().ToJson(), Fido2Verifier.Origin);

        var parsed = JsonSerializer.Deserialize<Fido2NetLib.AuthenticatorAttestationRawResponse>(json)!;

        Assert.Equal(authenticator.Credentials[0].Id, parsed.RawId);
        Assert.Equal(PublicKeyCredentialType.PublicKey, parsed.Type);
    }
}
