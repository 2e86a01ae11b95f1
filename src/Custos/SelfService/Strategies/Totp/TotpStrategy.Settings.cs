using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Totp;

internal sealed partial class TotpStrategy : ISettingsStrategy
{
    public async Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct) =>
        flow.Ui.Nodes.AddRange(await settings.PopulateAsync(flow, identity, ct));

    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        // totp_unlink is a button-only payload: it belongs to totp whatever `method` says (§0.1).
        var unlink = FlowPayloadReader.GetString(submission.Payload, "totp_unlink") == "true" || submission.Payload["totp_unlink"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        if (submission.Method != Method && !unlink)
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        if (!context.IsPrivileged)
        {
            return StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired());
        }

        var identity = context.Identity;
        var result = await settings.SubmitAsync(submission.Flow, identity, FlowPayloadReader.GetString(submission.Payload, "totp_code"), unlink, ct);
        if (!result.Succeeded)
        {
            // As Kratos, the form keeps the key it offered; the message goes on the code field (or the form).
            submission.Flow.Ui.AddMessage(result.MessageNode, result.Message!, UiNodeGroup.Totp);

            return StrategyOutcome<SettingsSucceeded>.Invalid;
        }

        var added = result.Outcome == TotpSettingsOutcome.Linked ? new AuthenticationMethod(Method, "aal2", Clock.Now(clock), null) : null;
        return StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(identity, added));
    }
}
