using Custos.Config;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>
/// A recovery method (<c>code</c>, <c>link</c>): its nodes, the message it sends and the redemption of its secret. A
/// flow belongs to one method: the one that issued its code or link (the flow's <c>active</c>), else the one
/// <c>selfservice.flows.recovery.use</c> names; only that method is offered a submission.
/// </summary>
internal interface IRecoveryStrategy : IAuthStrategy
{
    /// <summary>The <c>selfservice.flows.recovery.use</c> value that gives new flows this method.</summary>
    AddressFlowStrategy Use { get; }

    /// <summary>The first step's nodes: the address to send to and this method's button.</summary>
    void Populate(RecoveryFlow flow);

    /// <summary>
    /// Readies a flow an admin creates for this method (<c>POST /admin/recovery/code|link</c>) before its secret is
    /// issued: its state and nodes.
    /// </summary>
    void PopulateAdminFlow(RecoveryFlow flow);

    /// <summary>
    /// Handles a submission to a flow of this method, or declines it (<see cref="StrategyOutcome{T}.NotResponsible"/>)
    /// when the body is not for this method. Succeeds with the redeemed secret; a
    /// <see cref="StrategyOutcome{T}.Responded"/> answer is final (the strategy stored what it changed); on
    /// <see cref="StrategyOutcome{T}.Invalid"/> the messages are on the flow. Runs in the transaction of the whole submission.
    /// </summary>
    Task<StrategyOutcome<RecoverySucceeded>> SubmitAsync(FlowSubmission<RecoveryFlow> submission, CancellationToken ct);
}
