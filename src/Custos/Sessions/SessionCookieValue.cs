namespace Custos.Sessions;

/// <summary>What the session cookie seals: the session token and the expiry the cookie was issued for.</summary>
internal sealed record SessionCookieValue(string SessionToken, DateTime ExpiresAt);
