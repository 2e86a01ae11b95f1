namespace Custos.Audit;

/// <summary>Reads the audit log: pages for the admin API, and the whole chain as a stream for verify and export.</summary>
internal interface IAuditEventReader
{
    /// <summary>One page in chain order (oldest first), filtered as <paramref name="query"/> says.</summary>
    Task<IReadOnlyList<AuditRow>> ListAsync(AuditEventQuery query, CancellationToken ct);

    /// <summary>
    /// Every row in chain order, optionally limited to <c>since ≤ occurred_at &lt; until</c>, read as a stream (one
    /// row in memory at a time), chain columns included.
    /// </summary>
    IAsyncEnumerable<AuditRow> StreamAsync(DateTime? since, DateTime? until, CancellationToken ct);
}
