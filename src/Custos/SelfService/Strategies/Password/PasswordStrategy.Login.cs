using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Password;

internal sealed partial class PasswordStrategy : ILoginStrategy
{
    public async Task PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (flow.RequestedAal != "aal1")
        {
            return;
        }

        var identifier = form.Identifier;
        var title = await IdentifierTitleAsync(flow.IdentitySchema, ct);
        var label = title is { } t ? Messages.InfoNodeLabelGenerated(t.Title, t.Name) : Messages.InfoNodeLabelID();
        flow.Ui.Upsert(identifier is null
            ? UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, label: label)
            : UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", identifier, required: true, label: label));
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "current-password", label: Messages.InfoNodeLabelInputPassword()));
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password",
            label: identifier is null ? Messages.InfoSelfServiceLoginPassword() : Messages.InfoSelfServiceLogin()));
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (submission.Method != Method || flow.RequestedAal != "aal1")
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var identifier = FlowPayloadReader.GetString(submission.Payload, "identifier") ?? FlowPayloadReader.GetString(submission.Payload, "password_identifier");
        var password = FlowPayloadReader.GetString(submission.Payload, "password");
        flow.Ui.Find("identifier")?.Value = identifier ?? "";
        var missing = false;
        if (string.IsNullOrEmpty(identifier))
        {
            flow.Ui.AddMessage("identifier", Messages.ErrorValidationRequired("identifier"));
            missing = true;
        }

        if (string.IsNullOrEmpty(password))
        {
            flow.Ui.AddMessage("password", Messages.ErrorValidationRequired("password"), UiNodeGroup.Password);
            missing = true;
        }

        if (missing)
        {
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        var identity = await verifier.VerifyAsync(identifier!, password!, ct);
        if (identity is null)
        {
            flow.Ui.Messages.Add(Messages.ErrorValidationInvalidCredentials());
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, new AuthenticationMethod(Method, "aal1", Clock.Now(clock), null)));
    }
}
