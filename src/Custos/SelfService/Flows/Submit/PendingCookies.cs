using Custos.SelfService.Flows.Csrf;

namespace Custos.SelfService.Flows.Submit;

/// <summary>
/// The cookies a flow step sets, collected while it runs and written by <see cref="FlowResponder"/> afterwards, so a
/// step whose transaction rolls back (or that throws) sets none.
/// </summary>
internal sealed class PendingCookies
{
    /// <summary>The session cookie to set (token and expiry), if any.</summary>
    public (string Token, DateTime ExpiresAt)? Session { get; private set; }

    /// <summary>The session cookie is to be expired.</summary>
    public bool DeleteSession { get; private set; }

    /// <summary>The new anti-CSRF token whose cookie is to be set, if any.</summary>
    public string? Csrf { get; private set; }

    /// <summary>The continuity cookie's new value (a sign-in left for a provider), if any.</summary>
    public string? Continuity { get; private set; }

    /// <summary>The continuity cookie is to be expired (its sign-in came back).</summary>
    public bool DeleteContinuity { get; private set; }

    public void SetContinuity(string value)
    {
        Continuity = value;
        DeleteContinuity = false;
    }

    public void ExpireContinuity()
    {
        Continuity = null;
        DeleteContinuity = true;
    }

    public void SetSession(string token, DateTime expiresAt)
    {
        Session = (token, expiresAt);
        DeleteSession = false;
    }

    public void ExpireSession()
    {
        Session = null;
        DeleteSession = true;
    }

    /// <summary>A new anti-CSRF token, to be sent as the cookie.</summary>
    public string NewCsrf() => Csrf = CsrfTokens.NewToken();
}
