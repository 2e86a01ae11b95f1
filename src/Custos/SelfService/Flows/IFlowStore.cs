namespace Custos.SelfService.Flows;

/// <summary>Persists login, registration and settings flows (one table per kind).</summary>
internal interface IFlowStore
{
    Task CreateAsync(Flow flow, CancellationToken ct);

    Task UpdateAsync(Flow flow, CancellationToken ct);

    /// <summary>The flow of this kind, or null when unknown.</summary>
    Task<T?> GetAsync<T>(Guid id, CancellationToken ct)
        where T : Flow;
}
