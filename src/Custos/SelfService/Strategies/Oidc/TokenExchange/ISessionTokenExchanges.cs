namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>
/// The session token exchange of native social sign-in (Kratos's <c>sessiontokenexchange</c>): an API login or
/// registration flow created with <c>return_session_token_exchange_code=true</c> carries an init code; the flow ends in
/// a redirect to <c>return_to?code=&lt;return-to code&gt;</c> (the system browser cannot hand a token to the app), and the
/// app trades both codes once at <c>GET /sessions/token-exchange</c> for the session and its token. Every method joins
/// the scope's ambient transaction, so the OIDC callback binds the session in the same transaction that issues it.
/// </summary>
internal interface ISessionTokenExchanges
{
    /// <summary>
    /// Creates the exchange of a new API flow and returns its init code (the flow's <c>session_token_exchange_code</c>,
    /// shown only in the creation response; only its digest is stored).
    /// </summary>
    Task<string> CreateAsync(Guid flowId, CancellationToken ct);

    /// <summary>
    /// What binds an OIDC <c>state</c> to the flow's exchange, for native flows that have no continuity cookie (Kratos
    /// puts SHA-512 of the init code into the state and compares it at the callback): the same 64 bytes for as long as
    /// the exchange exists, null when the flow has none. Compare with <c>CryptographicOperations.FixedTimeEquals</c>.
    /// </summary>
    Task<byte[]?> StateBindingAsync(Guid flowId, CancellationToken ct);

    /// <summary>
    /// Binds the session the flow ended in and returns a fresh return-to code for the redirect to
    /// <c>return_to?code=…</c>; null when the flow has no exchange (then the flow answers as usual).
    /// </summary>
    Task<string?> CompleteAsync(Guid flowId, Guid sessionId, CancellationToken ct);

    /// <summary>
    /// A fresh return-to code for a flow that ends without a session, for Kratos's error redirect
    /// <c>return_to?code=…&amp;flow=…</c>: the exchange then answers 422 with the flow. Null when the flow has no exchange.
    /// </summary>
    Task<string?> PendingReturnToCodeAsync(Guid flowId, CancellationToken ct);

    /// <summary>Moves the exchange to another flow (a login flow that became a registration flow keeps the app's codes).</summary>
    Task MoveAsync(Guid fromFlowId, Guid toFlowId, CancellationToken ct);

    /// <summary>
    /// Trades both codes, once, for the session and a session token; pending when the flow has not ended in a session.
    /// Exchanges older than <see cref="SessionTokenExchanges.Lifetime"/> (or the longer login/registration lifespan) are gone.
    /// </summary>
    Task<SessionTokenExchangeResult> ExchangeAsync(string initCode, string returnToCode, CancellationToken ct);
}
