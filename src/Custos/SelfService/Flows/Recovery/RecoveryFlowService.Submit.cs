using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Recovery;

internal sealed partial class RecoveryFlowService
{
    public async Task<FlowOutcome> SubmitAsync(FlowSubmission<RecoveryFlow> submission, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        if (request.Session is not null)
        {
            return !flow.IsBrowser || request.IsJson
                ? throw SessionAlreadyAvailable()
                : new FlowOutcome.Redirect(O.Selfservice.DefaultBrowserReturnUrl, StatusCodes.Status302Found);
        }

        if (submission.Expired)
        {
            var replacement = await ReplaceAsync(request, flow, Messages.ErrorValidationRecoveryFlowExpired(flow.ExpiresAt, factory.Time), ct);
            return new FlowOutcome.ExpiredToReplacement(flow, replacement);
        }

        // One transaction for the whole step: a redeemed secret, the session, the verified address and the settings
        // flow are written together or not at all, so a recovery that fails half-way never uses a code up.
        return await db.RunInTransactionAsync(c => DispatchAsync(submission, c), ct);
    }

    private async Task<FlowOutcome> DispatchAsync(FlowSubmission<RecoveryFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        var outcome = Owner(flow) is { } owner ? await owner.SubmitAsync(submission, ct) : StrategyOutcome<RecoverySucceeded>.NotResponsible;
        switch (outcome)
        {
            case StrategyOutcome<RecoverySucceeded>.Succeeded succeeded:
                return await CompleteAsync(submission, succeeded.Value, ct);
            case StrategyOutcome<RecoverySucceeded>.Responded responded:
                return responded.Outcome;
            case StrategyOutcome<RecoverySucceeded>.Declined:
                flow.Ui.ResetMessages();
                flow.Ui.Messages.Add(Messages.ErrorValidationRecoveryNoStrategyFound());
                factory.AddCsrfNode(flow);
                break;
        }

        await store.UpdateAsync(flow, ct);
        return new FlowOutcome.Invalid(flow);
    }
}
