using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;

namespace Custos.SelfService.Flows.Login;

/// <summary>A login method: its nodes on a new (or re-rendered) flow, and its submission.</summary>
internal interface ILoginStrategy : IAuthStrategy
{
    /// <summary>
    /// Adds the strategy's nodes for <paramref name="form"/>; true when it added any (in identifier-first step 2, when
    /// the identified person can use this method: if no strategy can, the account is "not found").
    /// </summary>
    Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct);

    /// <summary>
    /// Handles a submission, or declines it (<see cref="StrategyOutcome{T}.NotResponsible"/>) when the body is not for
    /// this strategy or the flow asks for an assurance level it cannot give (strategies contract §0.1).
    /// </summary>
    Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct);
}
