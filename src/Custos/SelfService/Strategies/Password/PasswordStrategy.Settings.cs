using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

internal sealed partial class PasswordStrategy : ISettingsStrategy
{
    public Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "new-password", label: Messages.InfoNodeLabelInputPassword()));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoNodeLabelSave()));
        return Task.CompletedTask;
    }

    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        if (submission.Method != Method)
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        // Every password change needs a recent sign-in, checked before the password is even looked at.
        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        if (await passwordChange.ApplyAsync(context.Identity, submission.Text("password"), ct) is { } refused)
        {
            await context.RenderAsync(ct);
            submission.Flow.Ui.AddMessage("password", refused, UiNodeGroup.Password);
            return StrategyOutcome<SettingsSucceeded>.Invalid;
        }

        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(context.Identity));
    }
}
