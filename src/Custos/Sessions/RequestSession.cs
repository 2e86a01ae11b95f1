namespace Custos.Sessions;

/// <summary>
/// The active session a request authenticated with, the plaintext token it carried and where. When the token came in
/// the cookie, <see cref="CookieExpiresAt"/> is the expiry sealed into that cookie (to re-issue it after an extension).
/// </summary>
internal sealed record RequestSession(Session Session, string Token, SessionTokenSource Source, DateTime? CookieExpiresAt = null);
