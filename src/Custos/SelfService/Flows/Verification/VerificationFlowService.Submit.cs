using Custos.SelfService.Flows.Submit;
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
        return await db.RunInTransactionAsync(c => DispatchAsync(submission, c), ct);
    }

    private async Task<FlowOutcome> DispatchAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        switch (await Strategy.SubmitAsync(submission, ct))
        {
            case StrategyOutcome<VerificationSucceeded>.Succeeded succeeded:
                await MarkVerifiedAsync(succeeded.Value.Secret, ct);
                ShowPassed(flow);
                await store.UpdateAsync(flow, ct);
                return succeeded.Value.Answer;
            case StrategyOutcome<VerificationSucceeded>.Responded responded:
                return responded.Outcome;
            case StrategyOutcome<VerificationSucceeded>.Declined:
                flow.Ui.ResetMessages();
                flow.Ui.Messages.Add(Messages.ErrorValidationVerificationNoStrategyFound());
                await store.UpdateAsync(flow, ct);
                return new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest);
            default:
                await store.UpdateAsync(flow, ct);
                return new FlowOutcome.Invalid(flow);
        }
    }

    private async Task MarkVerifiedAsync(OneTimeSecret used, CancellationToken ct)
    {
        var identity = await identities.GetAsync(used.IdentityId, withCredentials: false, ct);
        var address = identity?.VerifiableAddresses.FirstOrDefault(a => a.Id == used.AddressId);
        if (address is null || address.Verified)
        {
            return;
        }

        address.MarkVerified(factory.Now);
        await identities.UpdateVerifiableAddressAsync(address, ct);
    }
}
