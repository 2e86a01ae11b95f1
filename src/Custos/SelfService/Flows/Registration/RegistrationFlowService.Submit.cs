using Custos.Hosting;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Registration;

internal sealed partial class RegistrationFlowService
{
    public async Task<FlowOutcome> SubmitAsync(FlowSubmission<RegistrationFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (submission.Expired)
        {
            return await ReplaceExpiredAsync(submission.Request, flow, ct);
        }

        if (flow.State == "passed_challenge")
        {
            return await InvalidAsync(flow, Messages.ErrorValidateionRegistrationRetrySuccess(), ct);
        }

        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (submission.CheckCsrf(tokenlessAllowed: submission.StartsSocialSignIn) is { } refused)
        {
            return await InvalidAsync(flow, refused, ct);
        }

        var form = await FormAsync(flow, submission, ct);
        var method = submission.Method;
        if (strategies.Any(s => s.Method == method && !s.IsEnabled(O)))
        {
            throw KratosErrors.EndpointDisabled();
        }

        foreach (var strategy in Enabled())
        {
            var outcome = await strategy.SubmitAsync(submission, form, ct);
            if (outcome is StrategyOutcome<RegistrationSucceeded>.Declined)
            {
                continue;
            }

            flow.Active = strategy.Method;
            switch (outcome)
            {
                case StrategyOutcome<RegistrationSucceeded>.Rejected:
                    form.SortNodes();
                    await store.UpdateAsync(flow, ct);
                    return new FlowOutcome.Invalid(flow);
                case StrategyOutcome<RegistrationSucceeded>.Responded responded:
                    await store.UpdateAsync(flow, ct);
                    return responded.Outcome;
                case StrategyOutcome<RegistrationSucceeded>.Succeeded succeeded:
                    return await RegisterAsync(submission, form, strategy.Method, succeeded.Value, ct);
            }
        }

        return await InvalidAsync(flow, Messages.ErrorValidationRegistrationNoStrategyFound(), ct);
    }

    private async Task<FlowOutcome> InvalidAsync(RegistrationFlow flow, UiText message, CancellationToken ct)
    {
        flow.Ui.Messages.Add(message);
        await sorter.SortAsync(flow, null, ct);
        await store.UpdateAsync(flow, ct);
        return new FlowOutcome.Invalid(flow);
    }

    // Kratos answers a submit to an expired flow with a fresh flow of the same kind carrying 4040001.
    private async Task<FlowOutcome> ReplaceExpiredAsync(FlowRequest request, RegistrationFlow expired, CancellationToken ct)
    {
        var replacement = new RegistrationFlow { Id = Guid.NewGuid(), Type = expired.Type, RequestUrl = expired.RequestUrl, Ui = new UiContainer { Action = "" }, IdentitySchema = expired.IdentitySchema };
        factory.InitReplacement(replacement, expired, request);
        var form = await FormAsync(replacement, null, ct);
        await form.ShowAsync(form.FirstScreen, ct);
        replacement.Ui.Messages.Add(Messages.ErrorValidationRegistrationFlowExpired(expired.ExpiresAt, factory.Time));
        await store.CreateAsync(replacement, ct);
        return new FlowOutcome.Replaced(expired, replacement, factory.Now);
    }
}
