namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>
/// One row of <c>session_token_exchanges</c>: the API flow it belongs to, the session it ended in (null while pending)
/// and the SHA-256 hex digests of its two codes (<see cref="ReturnToCodeHash"/> is empty until the flow hands the
/// return-to code out).
/// </summary>
internal sealed record SessionTokenExchanger
{
    public required Guid Id { get; init; }

    public required Guid FlowId { get; init; }

    public Guid? SessionId { get; init; }

    public required string InitCodeHash { get; init; }

    public required string ReturnToCodeHash { get; init; }

    public required DateTime CreatedAt { get; init; }

    public required DateTime UpdatedAt { get; init; }
}
