using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>audit</c>: the audit log (a Custos extension; Kratos has no audit log and no such key).</summary>
internal sealed class AuditOptions
{
    /// <summary>
    /// <c>audit.retention</c>: a Go duration (<c>2160h</c>); events older than this are pruned, oldest first, by a
    /// background task. Unset (the default) keeps every event forever. Environment: <c>AUDIT_RETENTION</c>.
    /// </summary>
    [ConfigurationKeyName("retention")]
    public TimeSpan? Retention { get; set; }
}
