using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Strategies.LookupSecret;

internal sealed partial class LookupSecretStrategy : ILoginStrategy
{
    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (form.Mode != LoginFormMode.SecondFactor || form.Identity is null)
        {
            return false;
        }

        var identity = await identities.GetAsync(form.Identity.Id, withCredentials: true, ct) ?? form.Identity;
        if (!LookupSecretCredential.Exists(identity))
        {
            return false;
        }

        LookupSecretNodes.PopulateLogin(flow.Ui);
        return true;
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
            if (use.OnNode is { } node)
            {
                flow.Ui.AddMessage(node, use.Message!, Ui.UiNodeGroup.LookupSecret);
            }
            else
            {
                flow.Ui.Messages.Add(use.Message!);
            }

            LookupSecretNodes.ResetLoginCode(flow.Ui);
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, use.Method!));
    }
}
