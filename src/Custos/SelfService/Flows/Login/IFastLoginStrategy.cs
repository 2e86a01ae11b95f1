using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Login;

/// <summary>
/// A login strategy that can skip the person's choice when there is nothing to choose (Kratos's
/// <c>FastLoginStrategy</c>): it acts on the flow at once and answers for it. Only the <c>code</c> strategy does:
/// it sends the code when one address is the only way in.
/// </summary>
internal interface IFastLoginStrategy
{
    /// <summary>
    /// On a new, stored aal2 flow of <paramref name="identity"/> (the session's, with credentials): acts and returns
    /// the answer to the flow's creation, or null to leave the flow as it is (Kratos's <c>FastLogin2FA</c>).
    /// </summary>
    Task<FlowOutcome?> FastSecondFactorAsync(LoginFlow flow, Identity.Identity identity, CancellationToken ct);

    /// <summary>
    /// In identifier-first step 2, once <paramref name="identity"/> (with credentials) was found for
    /// <paramref name="identifier"/>: acts and returns the answer to the step, or null (Kratos's <c>FastLogin1FA</c>).
    /// </summary>
    Task<FlowOutcome?> FastFirstFactorAsync(LoginFlow flow, Identity.Identity identity, string identifier, CancellationToken ct);
}
