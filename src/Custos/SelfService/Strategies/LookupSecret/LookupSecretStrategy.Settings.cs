using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Strategies.LookupSecret;

internal sealed partial class LookupSecretStrategy : ISettingsStrategy
{
    public Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        LookupSecretNodes.PopulateSettings(flow.Ui, identity);
        return Task.CompletedTask;
    }

    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        // The four buttons post only their own key (`method` may be absent): they belong to lookup_secret (§0.1).
        if (LookupSecretSettingsPayload.Read(submission.Payload) is not { } action)
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        var flow = submission.Flow;
        var outcome = settings.Apply(flow, context.Identity, action);
        switch (outcome.Result)
        {
            case LookupSecretSettingsResult.ShowFlow:
                // Reveal and regenerate only change what the flow shows: no hooks, the state stays.
                await flows.UpdateAsync(flow, ct);
                return StrategyOutcome<SettingsSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
            case LookupSecretSettingsResult.IdentityChanged:
                return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(context.Identity, outcome.AddedMethod));
            default:
                flow.Ui.ResetMessages();
                flow.Ui.Messages.Add(outcome.Error!);
                return StrategyOutcome<SettingsSucceeded>.Invalid;
        }
    }
}
