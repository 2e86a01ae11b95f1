using Custos.SelfService.Strategies.Code;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>A strategy redeemed <paramref name="Secret"/>; <paramref name="Method"/> is the new session's method (<c>code_recovery</c>, <c>link_recovery</c>).</summary>
internal sealed record RecoverySucceeded(OneTimeSecret Secret, string Method);
