using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Strategies;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Verification;

internal sealed partial class VerificationFlowService
{
    public async Task<FlowOutcome> SubmitAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        if (submission.Expired)
        {
            var replacement = await replacer.ReplaceAsync(request, flow, Strategy, Messages.ErrorValidationVerificationFlowExpired(flow.ExpiresAt, factory.Time), ct);
            return new FlowOutcome.ExpiredToReplacement(flow, replacement);
        }

        if (flow.State == "passed_challenge")
        {
            return new FlowOutcome.Superseded(await replacer.ReplaceAsync(request, flow, Strategy, Messages.ErrorValidationVerificationRetrySuccess(), ct));
        }

        // Using the secret and marking the address verified happen together or not at all.
        var (outcome, verified) = await db.RunInTransactionAsync(c => DispatchAsync(submission, c), ct);
        return verified is null ? outcome : await RunAfterWebHooksAsync(submission, verified, ct) ?? outcome;
    }

    private async Task<(FlowOutcome Outcome, Identity.Identity? Verified)> DispatchAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        switch (await Strategy.SubmitAsync(submission, ct))
        {
            case StrategyOutcome<VerificationSucceeded>.Succeeded succeeded:
                var identity = await MarkVerifiedAsync(succeeded.Value.Secret, ct);
                ShowPassed(flow);
                await store.UpdateAsync(flow, ct);
                return (succeeded.Value.Answer, identity);
            case StrategyOutcome<VerificationSucceeded>.Responded responded:
                return (responded.Outcome, null);
            case StrategyOutcome<VerificationSucceeded>.Declined:
                flow.Ui.ResetMessages();
                flow.Ui.Messages.Add(Messages.ErrorValidationVerificationNoStrategyFound());
                await store.UpdateAsync(flow, ct);
                return (new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest), null);
            default:
                await store.UpdateAsync(flow, ct);
                return (new FlowOutcome.Invalid(flow), null);
        }
    }

    /// <summary>The verified identity (with the address marked), or null when the secret's identity is gone.</summary>
    private async Task<Identity.Identity?> MarkVerifiedAsync(OneTimeSecret used, CancellationToken ct)
    {
        var identity = await identities.GetAsync(used.IdentityId, withCredentials: false, ct);
        var address = identity?.VerifiableAddresses.FirstOrDefault(a => a.Id == used.AddressId);
        if (address is null || address.Verified)
        {
            return identity;
        }

        address.MarkVerified(factory.Now);
        await identities.UpdateVerifiableAddressAsync(address, ct);
        await audit.VerificationSucceededAsync(identity!.Id, address.Via, Strategy.Method, ct);
        return identity;
    }

    /// <summary>
    /// <c>verification.after.hooks</c> web hooks, once the address is verified and committed (Kratos runs them after
    /// storing the passed flow): a failure answers the request with its error, an interrupt answers with a new flow
    /// carrying its messages, and the address stays verified either way. Null to answer as the method decided.
    /// </summary>
    private async Task<FlowOutcome?> RunAfterWebHooksAsync(FlowSubmission<VerificationFlow> submission, Identity.Identity identity, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        if (await afterHooks.RunAsync(flow, request, identity, session: null, method: null, ct) is not WebHookOutcome.Interrupted interrupted)
        {
            return null;
        }

        // Kratos retries the flow: a new one with the messages parsed into the link group, 410 for JSON clients.
        var replacement = await replacer.ReplaceAsync(request, flow, Strategy, message: null, ct);
        WebHookInterrupts.ApplyTo(replacement.Ui, interrupted.Messages, UiNodeGroup.Link);
        await store.UpdateAsync(replacement, ct);
        return new FlowOutcome.Superseded(replacement);
    }
}
