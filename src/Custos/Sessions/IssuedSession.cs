namespace Custos.Sessions;

/// <summary>A freshly persisted session with its plaintext tokens; only their SHA-256 hashes are stored.</summary>
internal sealed record IssuedSession(Session Session, string Token, string LogoutToken);
