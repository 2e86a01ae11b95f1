namespace Custos.Sessions;

/// <summary>Log events of the sessions area (EventIds 3000-3099). Never logs tokens or cookie values.</summary>
internal static partial class SessionsLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning,
        Message = "No secrets.cookie or secrets.default configured: session cookies are sealed with a random per-process secret and become invalid on restart and across instances")]
    public static partial void RandomCookieSecret(ILogger logger);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Issued session {SessionId} for identity {IdentityId} at {Aal}")]
    public static partial void Issued(ILogger logger, Guid sessionId, Guid identityId, string aal);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Debug, Message = "Revoked session {SessionId}")]
    public static partial void Revoked(ILogger logger, Guid sessionId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Revoked {Count} other sessions of identity {IdentityId}")]
    public static partial void RevokedOthers(ILogger logger, int count, Guid identityId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Session {SessionId} re-authenticated with {Method}, now {Aal}")]
    public static partial void Reauthenticated(ILogger logger, Guid sessionId, string method, string aal);
}
