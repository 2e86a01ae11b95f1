using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Strategies.LookupSecret;

internal sealed partial class LookupSecretStrategy : ILoginStrategy
{
    public Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (form.Mode != LoginFormMode.SecondFactor || form.Identity is not { } identity || !LookupSecretCredential.Exists(identity))
        {
            return Task.FromResult(false);
        }

        LookupSecretNodes.PopulateLogin(flow.Ui);
        return Task.FromResult(true);
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (submission.Method != Method || flow.RequestedAal != "aal2" || submission.Request.Session is not { } current)
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var identity = await identities.GetAsync(current.Session.IdentityId, withCredentials: true, ct)
            ?? throw KratosErrors.NotFound("The identity of this session no longer exists.");
        var use = await verifier.UseAsync(identity, FlowPayloadReader.GetString(submission.Payload, LookupSecretNodes.LoginCodeName), ct);
        if (!use.Succeeded)
        {
            flow.Ui.AddMessage(use.OnNode, use.Message!, Ui.UiNodeGroup.LookupSecret);

            LookupSecretNodes.ResetLoginCode(flow.Ui);
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, use.Method!));
    }
}
