using Custos.Hosting;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Profile;

internal sealed partial class ProfileStrategy : IRegistrationStrategy
{
    /// <summary>Step one's "Sign up" button; on the credential screen, "Back" and the hint to choose a method.</summary>
    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        if (screen == RegistrationScreen.Profile)
        {
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "method", "submit", "profile", label: Messages.InfoSelfServiceRegistration()));
        }
        else if (screen == RegistrationScreen.Credentials)
        {
            flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "screen", "submit", "previous", label: Messages.InfoSelfServiceRegistrationBack()));
            flow.Ui.Messages.Add(Messages.InfoSelfServiceRegistrationChooseCredentials());
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// "Back" (<c>screen=previous</c>, or the legacy <c>method=profile:back</c>, whatever the <c>method</c>) shows the
    /// first screen again; <c>method=profile</c>, or any other <c>screen</c> (the code form's "Back" posts
    /// <c>screen=credential-selection</c> beside <c>method=code</c>), checks the traits and moves on to the credential screen.
    /// </summary>
    public async Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (submission.Text("screen") == "previous" || submission.Method == "profile:back")
        {
            await form.ShowAsync(form.FirstScreen, ct);
            return StrategyOutcome<RegistrationSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest));
        }

        if (submission.Method != Method && string.IsNullOrEmpty(submission.Text("screen")))
        {
            return StrategyOutcome<RegistrationSucceeded>.NotResponsible;
        }

        var now = Clock.Now(clock);
        var candidate = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = form.SchemaId, Traits = form.Traits.DeepClone(), CreatedAt = now, UpdatedAt = now };
        var invalid = await identities.ValidateAsync(candidate, ct);
        if (invalid.Count > 0)
        {
            await form.ShowAsync(form.FirstScreen, ct);
            form.AddMessages(invalid);
            return StrategyOutcome<RegistrationSucceeded>.Invalid;
        }

        // A fresh choice of method: a code sent earlier on this flow no longer decides how the next submission is read.
        flow.State = "choose_method";
        await form.ShowAsync(RegistrationScreen.Credentials, ct);
        // Kratos answers the accepted first step with 400 and the flow for JSON clients: it is the normal path.
        return StrategyOutcome<RegistrationSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest));
    }
}
