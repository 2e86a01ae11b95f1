using System.Text;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>A relying party built on Fido2 4.3.3 alone, to judge the software authenticator's output.</summary>
internal sealed class Fido2Verifier
{
    public const string RpId = "custos.test";
    public const string Origin = "https://custos.test";

    public static readonly byte[] UserId = Encoding.UTF8.GetBytes("user-0001");

    private readonly Fido2 _fido2 = new(new Fido2Configuration
    {
        RPID = RpId,
        RPName = "Custos tests",
        Origins = new HashSet<string> { Origin },
    });

    public CredentialCreateOptions RegistrationOptions(
        AttestationConveyancePreference attestation = AttestationConveyancePreference.None,
        UserVerificationRequirement userVerification = UserVerificationRequirement.Preferred,
        IReadOnlyList<byte[]>? exclude = null) =>
        _fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = UserId, Name = "alice@custos.test", DisplayName = "Alice" },
            AttestationPreference = attestation,
            AuthenticatorSelection = new AuthenticatorSelection { UserVerification = userVerification },
            ExcludeCredentials = (exclude ?? []).Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            PubKeyCredParams =
            [
                new PubKeyCredParam(COSE.Algorithm.ES256),
                new PubKeyCredParam(COSE.Algorithm.EdDSA),
                new PubKeyCredParam(COSE.Algorithm.RS256),
            ],
        });

    public Task<RegisteredPublicKeyCredential> RegisterAsync(CredentialCreateOptions options, string responseJson) =>
        _fido2.MakeNewCredentialAsync(
            new MakeNewCredentialParams
            {
                AttestationResponse = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(responseJson)!,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            },
            CancellationToken.None);

    /// <summary>Options for a login; no credential ids means a discoverable (passkey) login.</summary>
    public AssertionOptions AssertionOptions(
        IReadOnlyList<byte[]> allowed,
        UserVerificationRequirement userVerification = UserVerificationRequirement.Preferred) =>
        _fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = allowed.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            UserVerification = userVerification,
        });

    public Task<VerifyAssertionResult> AssertAsync(
        AssertionOptions options, string responseJson, RegisteredPublicKeyCredential stored, uint storedSignCount) =>
        _fido2.MakeAssertionAsync(
            new MakeAssertionParams
            {
                AssertionResponse = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson)!,
                OriginalOptions = options,
                StoredPublicKey = stored.PublicKey,
                StoredSignatureCounter = storedSignCount,
                // The user handle, when sent, must name the credential's owner.
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(
                    p.UserHandle.AsSpan().SequenceEqual(UserId) && p.CredentialId.AsSpan().SequenceEqual(stored.Id)),
            },
            CancellationToken.None);
}
