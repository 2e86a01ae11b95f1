namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>
/// Persists session token exchanges (<c>session_token_exchanges</c>). Codes are passed and stored as SHA-256 hex
/// digests only. Every method joins the scope's ambient transaction (<c>DbSession.RunInTransactionAsync</c>).
/// </summary>
internal interface ISessionTokenExchangeStore
{
    /// <summary>Inserts a pending exchange (no session, no return-to code) for the flow.</summary>
    Task CreateAsync(SessionTokenExchanger exchanger, CancellationToken ct);

    /// <summary>The flow's exchange, or null when the flow has none.</summary>
    Task<SessionTokenExchanger?> FindByFlowAsync(Guid flowId, CancellationToken ct);

    /// <summary>
    /// Sets the flow's return-to code digest and its session (null: still pending); false when the flow has no exchange.
    /// A digest set earlier is replaced, so only the return-to code handed out last can be exchanged.
    /// </summary>
    Task<bool> SetReturnToCodeAsync(Guid flowId, string returnToCodeHash, Guid? sessionId, DateTime now, CancellationToken ct);

    /// <summary>Moves the exchange of one flow to another (a login flow that became a registration flow, or back).</summary>
    Task<bool> MoveAsync(Guid fromFlowId, Guid toFlowId, DateTime now, CancellationToken ct);

    /// <summary>
    /// Deletes and returns the exchange that has a session and both digests, created at or after
    /// <paramref name="notBefore"/>; null otherwise. Of concurrent callers with the same codes exactly one gets it.
    /// </summary>
    Task<SessionTokenExchanger?> RedeemAsync(string initCodeHash, string returnToCodeHash, DateTime notBefore, CancellationToken ct);

    /// <summary>The exchange with both digests, with or without a session, created at or after <paramref name="notBefore"/>; null otherwise.</summary>
    Task<SessionTokenExchanger?> FindAsync(string initCodeHash, string returnToCodeHash, DateTime notBefore, CancellationToken ct);

    /// <summary>Deletes the exchanges created before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteCreatedBeforeAsync(DateTime before, CancellationToken ct);
}
