namespace Custos.Sessions.Assurance;

/// <summary>Log events of AAL enforcement (EventIds 3090-3099, inside the sessions range).</summary>
internal static partial class AssuranceLog
{
    [LoggerMessage(EventId = 3090, Level = LogLevel.Information,
        Message = "Session {SessionId} of identity {IdentityId} is below aal2 but the identity has a second factor: aal2 required")]
    public static partial void Aal2Required(ILogger logger, Guid sessionId, Guid identityId);
}
