using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

internal sealed partial class PasswordStrategy : IRegistrationStrategy
{
    /// <summary>The password field and the "Sign up" button, on the unified form and on profile-first's credential screen.</summary>
    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        if (screen != RegistrationScreen.Profile)
        {
            flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "new-password", label: Messages.InfoNodeLabelInputPassword()));
            flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoSelfServiceRegistration()));
        }

        return Task.CompletedTask;
    }

    // A full method=password submission is accepted on either screen of profile-first too, as Kratos's SDK clients send it.
    public async Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        if (submission.Method != Method)
        {
            return StrategyOutcome<RegistrationSucceeded>.NotResponsible;
        }

        var prepared = await registrar.PrepareAsync(form.SchemaId, form.Traits.DeepClone(), submission.Text("password"), ct);
        if (prepared.Identity is not { } identity)
        {
            form.Reject(prepared.Messages);
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        return StrategyOutcome<RegistrationSucceeded>.Success(new RegistrationSucceeded(identity));
    }
}
