using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;

namespace Custos.SelfService.Flows.Verification;

/// <summary>
/// A verification method (<c>code</c>, <c>link</c>): its nodes, the message it sends and the redemption of its secret.
/// Verification flows belong to the method <c>selfservice.flows.verification.use</c> names; only that one is offered a
/// submission.
/// </summary>
internal interface IVerificationStrategy : IAuthStrategy
{
    /// <summary>The <c>selfservice.flows.verification.use</c> value that selects this method.</summary>
    AddressFlowStrategy Use { get; }

    /// <summary>The first step's nodes: the address to verify and this method's button.</summary>
    void Populate(VerificationFlow flow);

    /// <summary>
    /// Sends this method's message to <paramref name="address"/> of <paramref name="identity"/> and shows the flow's
    /// "sent" step (a hook starting verification after registration, a settings change or a login).
    /// </summary>
    Task SendAsync(VerificationFlow flow, Identity.Identity identity, VerifiableAddress address, CancellationToken ct);

    /// <summary>
    /// Handles a submission, or declines it (<see cref="StrategyOutcome{T}.NotResponsible"/>) when the body is not for
    /// this method. Succeeds with the redeemed secret; a <see cref="StrategyOutcome{T}.Responded"/> answer is final (the
    /// strategy stored what it changed); on <see cref="StrategyOutcome{T}.Invalid"/> the messages are on the flow. Runs in
    /// the transaction of the whole submission.
    /// </summary>
    Task<StrategyOutcome<VerificationSucceeded>> SubmitAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct);
}
