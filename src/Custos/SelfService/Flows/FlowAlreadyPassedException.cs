namespace Custos.SelfService.Flows;

/// <summary>
/// Thrown inside a submission's transaction when another submission of the same flow completed first
/// (<see cref="IFlowStore.TryMarkPassedAsync"/> lost): the transaction rolls back and the caller answers with the
/// flow's "already completed" message.
/// </summary>
internal sealed class FlowAlreadyPassedException : Exception;
