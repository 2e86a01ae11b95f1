namespace Custos.SelfService.Strategies.Totp;

/// <summary>Log events of the totp method (EventIds 4300-4309). Never logs secrets, key URIs or codes.</summary>
internal static partial class TotpLog
{
    [LoggerMessage(EventId = 4300, Level = LogLevel.Error,
        Message = "The TOTP secret of identity {IdentityId} opens under none of the configured secrets.cipher ({Count} configured); keep the secret it was sealed with in the list")]
    public static partial void Undecipherable(ILogger logger, Guid identityId, int count);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "A TOTP code of identity {IdentityId} for step {Step} was refused as a replay")]
    public static partial void Replayed(ILogger logger, Guid identityId, long step);
}
