using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// What the code strategy does with registration codes. The caller validates the submitted traits into an (unsaved)
/// identity first (<see cref="IdentityValidator"/> builds its <c>code</c> credential), and on verify checks that the
/// traits still match the flow (<see cref="CodeNodes.TraitsMatch"/>, 4000036) before the code is looked at, as Kratos
/// does. Nothing here writes the flow row or the identity.
/// </summary>
internal sealed class RegistrationCodes(CodeSender sender, CodeAttempts attempts, CodeGuessLimit guesses, TimeProvider clock)
{
    /// <summary>The code addresses of a validated identity; empty when its schema marks none (the caller shows 4000009).</summary>
    public static IReadOnlyList<CodeAddress> AddressesOf(Identity.Identity identity)
    {
        var credential = identity.Credentials.GetValueOrDefault(CredentialTypes.Code);
        return credential is null || string.Concat(credential.Identifiers).Length == 0 ? [] : CodeCredentialConfig.Addresses(credential);
    }

    /// <summary>
    /// Sends a code to every code address of <paramref name="identity"/> (earlier codes of the flow stop working) and
    /// moves the flow to <c>sent_email</c> with <c>active: code</c>. Returns 4000009 instead when the traits yield no
    /// code address.
    /// </summary>
    public async Task<UiText?> SendAsync(RegistrationFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        var addresses = AddressesOf(identity);
        if (addresses.Count == 0)
        {
            return Messages.ErrorValidationIdentifierMissing();
        }

        await sender.SendRegistrationCodesAsync(flow, identity.Traits, addresses, ct);
        flow.State = CodeFlowStates.SentEmail;
        flow.Active = CredentialTypes.Code;
        return null;
    }

    /// <summary>
    /// Checks <paramref name="code"/>: it must be this flow's and have gone to an address the submitted traits still
    /// contain. Counts the attempt first (outside any transaction). On success the matching verifiable address of the
    /// unsaved <paramref name="identity"/> is marked verified, so it is created verified.
    /// </summary>
    public async Task<CodeVerification> VerifyAsync(RegistrationFlow flow, Identity.Identity identity, string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            return new CodeVerification(CodeVerificationStatus.MissingCode);
        }

        if (!await attempts.CountAsync(flow, ct))
        {
            return new CodeVerification(CodeVerificationStatus.TooManyAttempts);
        }

        // No identity yet: the addresses the codes went to are what a guesser would open new flows for.
        var guessed = AddressesOf(identity).Select(a => guesses.ForAddress(a.Channel, a.Address)).ToList();
        if (await guesses.TakeAsync(guessed, ct) is { } retryAfter)
        {
            return new CodeVerification(CodeVerificationStatus.Throttled) { RetryAfterSeconds = retryAfter };
        }

        var result = await ConsumeAsync(flow, identity, code, ct);
        if (result.IsOk)
        {
            await guesses.ClearAsync(guessed, ct);
        }

        return result;
    }

    /// <summary>The second half of <see cref="VerifyAsync"/>, for callers that count the attempt themselves and use the code inside their transaction.</summary>
    public async Task<CodeVerification> ConsumeAsync(RegistrationFlow flow, Identity.Identity identity, string code, CancellationToken ct)
    {
        var addresses = AddressesOf(identity).Select(a => a.Address).Distinct().ToList();
        var result = await attempts.ConsumeAsync(OneTimeSecretKind.RegistrationCode, flow.Id, code, null, addresses, ct);
        if (result.IsOk
            && identity.VerifiableAddresses.FirstOrDefault(a => !a.Verified && a.Value == result.Address!.Address && a.Via == result.Address.Channel) is { } address)
        {
            address.MarkVerified(Clock.Now(clock));
        }

        return result;
    }
}
