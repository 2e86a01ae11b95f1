using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Login;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// What the code strategy does with login codes: send them (choose_method → sent_email) and check a submitted one.
/// Recipients come from <see cref="CodeIdentityFinder"/>; nodes from <see cref="CodeNodes"/>. Nothing here writes the
/// flow row: the caller stores the flow after applying the nodes.
/// </summary>
internal sealed class LoginCodes(CodeSender sender, CodeAttempts attempts, CodeGuessLimit guesses, IPrivilegedIdentityPool identities, TimeProvider clock)
{
    /// <summary>
    /// Replaces the flow's codes with one new code per address of <paramref name="recipients"/>, queues the messages,
    /// and moves the flow to <c>sent_email</c> with <c>active: code</c>.
    /// </summary>
    public async Task SendAsync(LoginFlow flow, CodeRecipients recipients, CancellationToken ct)
    {
        if (!recipients.Found)
        {
            throw new InvalidOperationException("Codes are only sent to found recipients.");
        }

        await sender.SendLoginCodesAsync(flow, recipients.Identity!, recipients.Addresses, ct);
        flow.State = CodeFlowStates.SentEmail;
        flow.Active = CredentialTypes.Code;
    }

    /// <summary>
    /// Checks <paramref name="code"/> for <paramref name="flow"/> and <paramref name="identity"/> (the session's identity
    /// on aal2 and refresh flows, else the one the submitted identifier resolves to): a code sent to another identity
    /// never matches. Counts the attempt first (outside any transaction), then uses the code. On success the
    /// verifiable address the code went to is marked verified and stored. The caller moves the flow to
    /// <c>passed_challenge</c>.
    /// </summary>
    public async Task<CodeVerification> VerifyAsync(LoginFlow flow, Identity.Identity identity, string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            return new CodeVerification(CodeVerificationStatus.MissingCode);
        }

        if (!await attempts.CountAsync(flow, ct))
        {
            return new CodeVerification(CodeVerificationStatus.TooManyAttempts);
        }

        // Across flows: a new login flow must not bring new guesses for the same person.
        IReadOnlyList<Security.Throttling.ThrottleKey> guessed = [guesses.ForIdentity(identity.Id)];
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

    /// <summary>
    /// The second half of <see cref="VerifyAsync"/> for callers that count with <see cref="CodeAttempts.CountAsync"/>
    /// themselves and want the code used inside their transaction (a failed login then leaves it unused).
    /// </summary>
    public async Task<CodeVerification> ConsumeAsync(LoginFlow flow, Identity.Identity identity, string code, CancellationToken ct)
    {
        var result = await attempts.ConsumeAsync(OneTimeSecretKind.LoginCode, flow.Id, code, identity.Id, null, ct);
        if (result.IsOk)
        {
            // Receiving the code proves control of the address, as a verification code would.
            var address = identity.VerifiableAddresses.FirstOrDefault(a => !a.Verified && a.Value == result.Address!.Address);
            if (address is not null)
            {
                address.MarkVerified(Clock.Now(clock));
                await identities.UpdateVerifiableAddressAsync(address, ct);
            }
        }

        return result;
    }
}
