namespace Custos.Security.Throttling;

/// <summary>
/// The answer of <see cref="IThrottleStore.TryTakeAsync"/>: whether the event was counted, and the counter after it
/// (when refused, the counter as it stands: a refused event is not counted).
/// </summary>
internal sealed record ThrottleTake(bool Allowed, ThrottleCount Count);
