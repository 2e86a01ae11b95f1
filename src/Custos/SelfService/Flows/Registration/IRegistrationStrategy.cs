using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;

namespace Custos.SelfService.Flows.Registration;

/// <summary>A registration method: its nodes on each screen of the form, and its submission.</summary>
internal interface IRegistrationStrategy : IAuthStrategy
{
    /// <summary>
    /// Adds the strategy's nodes for <paramref name="screen"/>. The form has put the schema's trait nodes first; the
    /// enabled strategies follow in <see cref="StrategyOrder"/>.
    /// </summary>
    Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct);

    /// <summary>
    /// Handles a submission, or declines it (<see cref="StrategyOutcome{T}.NotResponsible"/>) when the body is not for
    /// this strategy (strategies contract §0.1). Success hands back the identity the strategy built (traits and its
    /// credential, not stored yet); the flow service runs the pre-persist hooks, validates and inserts it. A mistake is
    /// <see cref="StrategyOutcome{T}.Invalid"/> with the messages on the flow; a step of the strategy's own (the
    /// credential selection of profile-first) is <see cref="StrategyOutcome{T}.Respond"/>.
    /// </summary>
    Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct);
}
