using System.Text.Json;
using System.Text.Json.Nodes;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Logging;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The WebAuthn checks, on Fido2 (fido2-net-lib): attestation and assertion signatures, challenge, origin, RP id hash,
/// user presence and verification, COSE algorithms. Whatever a client sends ends in a result, never an exception:
/// malformed CBOR, keys or JSON make the library throw many exception types, and every one of them is a refusal.
/// The sign counter is Custos's (§4.7): the library is given 0 so a stale counter flags the key instead of failing.
/// </summary>
internal sealed partial class WebAuthnCeremony(ILogger<WebAuthnCeremony> logger, TimeProvider clock)
{
    public async Task<VerifiedRegistration> RegisterAsync(RelyingParty rp, WebAuthnSession session, string responseJson, bool passwordless, CancellationToken ct)
    {
        if (session.UserHandle is not { Length: > 0 } userHandle)
        {
            return VerifiedRegistration.Refused("the flow holds no WebAuthn user handle");
        }

        AuthenticatorAttestationRawResponse? raw;
        try
        {
            raw = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(responseJson);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return VerifiedRegistration.Refused("Unable to parse WebAuthn response: " + e.Message);
        }

        if (raw?.Response?.AttestationObject is null || raw.Response.ClientDataJson is null || raw.RawId is null)
        {
            return VerifiedRegistration.Refused("Unable to parse WebAuthn response: the credential misses its attestation");
        }

        var options = new CredentialCreateOptions
        {
            Rp = new PublicKeyCredentialRpEntity(rp.Id, rp.Name),
            User = new Fido2User { Id = userHandle, Name = "", DisplayName = "" },
            Challenge = session.Challenge,
            PubKeyCredParams = CreationOptions.Algorithms.Select(a => new PubKeyCredParam((COSE.Algorithm)a)).ToList(),
            Timeout = 0,
            Attestation = AttestationConveyancePreference.None,
            AuthenticatorSelection = new Fido2NetLib.AuthenticatorSelection { UserVerification = UserVerification(session.UserVerification) },
            ExcludeCredentials = [],
        };
        try
        {
            var credential = await Fido2For(rp).MakeNewCredentialAsync(
                new MakeNewCredentialParams
                {
                    AttestationResponse = raw,
                    OriginalOptions = options,
                    // Uniqueness per identity is checked by the strategy, which knows the identity's keys.
                    IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
                },
                ct);
            var attestation = AuthenticatorAttestationResponse.Parse(raw).AttestationObject;
            var authData = attestation.AuthData;
            return new VerifiedRegistration(new StoredWebAuthnCredential
            {
                Id = credential.Id,
                PublicKey = credential.PublicKey,
                // go-webauthn v0.11.2 (Kratos's pin) records the statement's format ("packed"), not the verified type ("self").
                AttestationType = string.IsNullOrEmpty(attestation.Fmt) ? "none" : attestation.Fmt,
                Authenticator = new StoredAuthenticator { Aaguid = credential.AaGuid.ToByteArray(bigEndian: true), SignCount = credential.SignCount },
                AddedAt = RoundedNow(),
                IsPasswordless = passwordless,
                Flags = new StoredCredentialFlags
                {
                    UserPresent = authData.UserPresent,
                    UserVerified = authData.UserVerified,
                    BackupEligible = credential.IsBackupEligible,
                    BackupState = credential.IsBackedUp,
                },
                Transport = credential.Transports is { Length: > 0 } transports ? transports.Select(TransportName).ToList() : null,
            }, null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Anything the library throws on a client's bytes is a refused ceremony; the detail is for the log only.
            LogRefused(logger, "registration", e.GetType().Name, e.Message);
            return VerifiedRegistration.Refused("Unable to create WebAuthn credential: " + Reason(e));
        }
    }

    /// <summary>Parses an assertion a client posted; null when it is not one.</summary>
    public static ParsedAssertion? ParseAssertion(string? responseJson)
    {
        if (string.IsNullOrWhiteSpace(responseJson))
        {
            return null;
        }

        try
        {
            // Kratos's webauthn.js posts a missing user handle (a security key's non-discoverable credential) as "",
            // which go-webauthn reads as absent; Fido2 refuses an empty one, so it is dropped before parsing.
            var json = JsonNode.Parse(responseJson);
            if (json?["response"] is JsonObject response && response["userHandle"] is JsonValue handleValue
                && handleValue.TryGetValue<string>(out var handleText) && handleText.Length == 0)
            {
                response.Remove("userHandle");
            }

            var raw = json.Deserialize<AuthenticatorAssertionRawResponse>();
            if (raw?.Response?.AuthenticatorData is null || raw.Response.ClientDataJson is null || raw.Response.Signature is null || raw.RawId is not { Length: > 0 } id)
            {
                return null;
            }

            return new ParsedAssertion(id, raw.Response.UserHandle is { Length: > 0 } handle ? handle : null, raw);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Checks an assertion against the flow's challenge and the stored key; null when it does not hold.</summary>
    public async Task<VerifiedAssertion?> VerifyAsync(RelyingParty rp, WebAuthnSession session, ParsedAssertion assertion, StoredWebAuthnCredential stored, CancellationToken ct)
    {
        var options = new Fido2NetLib.AssertionOptions
        {
            Challenge = session.Challenge,
            RpId = rp.Id,
            AllowCredentials = session.Allowed.Select(id => new PublicKeyCredentialDescriptor(id)).ToList(),
            UserVerification = UserVerification(session.UserVerification),
        };
        try
        {
            var result = await Fido2For(rp).MakeAssertionAsync(
                new MakeAssertionParams
                {
                    AssertionResponse = assertion.Raw,
                    OriginalOptions = options,
                    StoredPublicKey = stored.PublicKey,
                    StoredSignatureCounter = 0,
                    // The strategy found the credential by this user handle (or checks it); the library only needs a yes.
                    IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
                },
                ct);
            return new VerifiedAssertion(result.CredentialId, result.SignCount, result.IsBackedUp);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogRefused(logger, "assertion", e.GetType().Name, e.Message);
            return null;
        }
    }

    private static Fido2 Fido2For(RelyingParty rp) => new(new Fido2Configuration
    {
        RPID = rp.Id,
        RPName = rp.Name,
        Origins = new HashSet<string>(rp.Origins, StringComparer.Ordinal),
    });

    private static UserVerificationRequirement UserVerification(string value) => value switch
    {
        "required" => UserVerificationRequirement.Required,
        "discouraged" => UserVerificationRequirement.Discouraged,
        _ => UserVerificationRequirement.Preferred,
    };

    private static string Reason(Exception e) => e is Fido2VerificationException ? e.Message : "the credential is malformed";

    private DateTime RoundedNow()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var seconds = Math.Round(now.Ticks / (double)TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero);
        return new DateTime((long)seconds * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }

    private static string TransportName(AuthenticatorTransport transport) => transport switch
    {
        AuthenticatorTransport.Usb => "usb",
        AuthenticatorTransport.Nfc => "nfc",
        AuthenticatorTransport.Ble => "ble",
        AuthenticatorTransport.Internal => "internal",
        AuthenticatorTransport.Hybrid => "hybrid",
        _ => transport.ToString().ToLowerInvariant(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "WebAuthn {Ceremony} refused: {ErrorType}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string ceremony, string errorType, string reason);
}
