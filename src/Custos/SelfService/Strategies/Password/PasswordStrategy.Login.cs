using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Password;

internal sealed partial class PasswordStrategy : ILoginStrategy
{
    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        switch (form.Mode)
        {
            case LoginFormMode.FirstFactor or LoginFormMode.Refresh:
                await PopulateFirstFactorAsync(flow, form.Mode == LoginFormMode.Refresh ? form.Identifier : null, ct);
                return true;
            case LoginFormMode.Credentials:
                // Kratos: shown when the person has a password, and for everyone when account enumeration is mitigated.
                var hasPassword = form.Identity is { } identity && HasPassword(identity);
                if (hasPassword || form.Mitigate)
                {
                    flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "current-password", label: Messages.InfoNodeLabelInputPassword()));
                    flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoSelfServiceLoginPassword()));
                }

                return hasPassword;
            default:
                return false;
        }
    }

    private static bool HasPassword(Identity.Identity identity) =>
        identity.Credentials.GetValueOrDefault(CredentialTypes.Password) is { } password
        && password.Identifiers.Count > 0
        && !string.IsNullOrEmpty(password.Config["hashed_password"]?.GetValue<string>());

    private async Task PopulateFirstFactorAsync(LoginFlow flow, string? identifier, CancellationToken ct)
    {
        var label = await IdentifierLabelAsync(flow.IdentitySchema, ct);
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
            await throttle.PasswordFailedAsync(ct);
            flow.Ui.Messages.Add(Messages.ErrorValidationInvalidCredentials());
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        await throttle.PasswordSucceededAsync(ct);

        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, new AuthenticationMethod(Method, "aal1", Clock.Now(clock), null)));
    }
}
