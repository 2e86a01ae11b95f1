namespace Custos.Audit;

/// <summary>Log events of the audit log (EventIds 8000-8099). Never logs detail values: only key names.</summary>
internal static partial class AuditLogging
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Warning, Message = "Audit event {Type}: dropped secret-looking details {Keys}; audit details must never hold secrets")]
    public static partial void SecretDropped(ILogger logger, string type, string keys);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Audit retention {Retention}: pruned {Count} events older than {Cutoff}")]
    public static partial void Pruned(ILogger logger, string retention, int count, DateTime cutoff);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Error, Message = "Audit retention pass failed")]
    public static partial void PruneFailed(ILogger logger, Exception exception);
}
