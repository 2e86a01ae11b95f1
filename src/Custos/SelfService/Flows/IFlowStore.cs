namespace Custos.SelfService.Flows;

/// <summary>Persists self-service flows (one table per kind).</summary>
internal interface IFlowStore
{
    Task CreateAsync(Flow flow, CancellationToken ct);

    Task UpdateAsync(Flow flow, CancellationToken ct);

    /// <summary>
    /// Moves the flow to <c>passed_challenge</c> unless it already is; exactly one of several concurrent callers gets true.
    /// </summary>
    Task<bool> TryMarkPassedAsync(Flow flow, CancellationToken ct);

    /// <summary>Counts one code submission on a login, registration, recovery or verification flow atomically; returns the new count.</summary>
    Task<int> IncrementSubmitCountAsync(Flow flow, CancellationToken ct);

    /// <summary>The flow of this kind, or null when unknown.</summary>
    Task<T?> GetAsync<T>(Guid id, CancellationToken ct)
        where T : Flow;
}
