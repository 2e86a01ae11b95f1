namespace Custos.Courier;

/// <summary>Log events of the courier (EventIds 6000-6099). Never logs recipients, subjects or bodies: they carry codes and links.</summary>
internal static partial class CourierLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Courier worker started, polling every {PullWait}")]
    public static partial void Started(ILogger logger, TimeSpan pullWait);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Sent courier message {MessageId} ({TemplateType})")]
    public static partial void Sent(ILogger logger, Guid messageId, string templateType);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Dispatching courier message {MessageId} failed, now {Status}: {ErrorType} {Error}")]
    public static partial void DispatchFailed(ILogger logger, Guid messageId, string status, string errorType, string error);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Courier worker pass failed")]
    public static partial void PassFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Courier template override {Source} is not usable, the built-in template is used instead: {Error}")]
    public static partial void TemplateFallback(ILogger logger, string source, string error);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "The HTML body of a {TemplateType} message could not be rendered; it is sent as plain text only: {Error}")]
    public static partial void HtmlBodyFailed(ILogger logger, string templateType, string error);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Debug, Message = "Queued courier message {MessageId} ({TemplateType}) on channel {Channel}")]
    public static partial void Queued(ILogger logger, Guid messageId, string templateType, string channel);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "The SMTP client certificate (courier.smtp.client_cert_path / client_key_path) cannot be loaded; sending without it: {Error}")]
    public static partial void ClientCertificateUnusable(ILogger logger, string error);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "A courier database step failed (attempt {Attempt}); retrying on a new connection: {ErrorType} {Error}")]
    public static partial void StepFailed(ILogger logger, int attempt, string errorType, string error);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Courier message {MessageId} is queued again: its worker stopped during the send, so its delivery is uncertain; it is sent again with the same Message-ID")]
    public static partial void RequeuedUncertain(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Information, Message = "Courier message {MessageId} is skipped: the lease on it lapsed and another worker may hold it")]
    public static partial void LeaseLost(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Warning, Message = "Renewing a courier lease failed; trying again at the next tick: {ErrorType} {Error}")]
    public static partial void RenewFailed(ILogger logger, string errorType, string error);
}
