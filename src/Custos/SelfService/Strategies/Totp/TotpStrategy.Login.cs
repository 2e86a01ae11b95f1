using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Totp;

internal sealed partial class TotpStrategy : ILoginStrategy
{
    public Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (form.Mode != LoginFormMode.SecondFactor || form.Identity is null)
        {
            return Task.FromResult(false);
        }

        var nodes = TotpLogin.Nodes(form.Identity);
        foreach (var node in nodes)
        {
            flow.Ui.Upsert(node);
        }

        return Task.FromResult(nodes.Count > 0);
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        // TOTP only ever answers a step-up (aal2) flow, and only for the signed-in identity.
        if (submission.Method != Method || flow.RequestedAal != "aal2" || submission.Request.Session is not { } current)
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var identity = await identities.GetAsync(current.Session.IdentityId, withCredentials: true, ct)
            ?? throw KratosErrors.NotFound("The identity of this session no longer exists.");
        var result = await login.VerifyAsync(identity, FlowPayloadReader.GetString(submission.Payload, "totp_code"), ct);
        if (!result.Succeeded)
        {
            flow.Ui.Messages.Add(result.Message!);
            flow.Ui.Find("totp_code")?.Value = "";
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        return StrategyOutcome<LoginSucceeded>.Success(new LoginSucceeded(identity, new AuthenticationMethod(Method, "aal2", Clock.Now(clock), null)));
    }
}
