using Custos.SelfService.Flows;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.Oidc.TokenExchange;

/// <summary>What a token exchange came to: a session and its new token, a flow still without a session, or nothing.</summary>
internal abstract record SessionTokenExchangeResult
{
    private SessionTokenExchangeResult()
    {
    }

    /// <summary>The exchange was spent: the session (with identity) and the token it now answers to.</summary>
    public sealed record Exchanged(Session Session, string SessionToken) : SessionTokenExchangeResult;

    /// <summary>The codes match a flow that has not ended in a session (Kratos answers 422 with the flow).</summary>
    public sealed record Pending(Flow Flow) : SessionTokenExchangeResult;

    /// <summary>Unknown, expired or already spent codes.</summary>
    public sealed record NotFound : SessionTokenExchangeResult;
}
