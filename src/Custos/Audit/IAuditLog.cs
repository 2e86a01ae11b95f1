namespace Custos.Audit;

/// <summary>The append-only audit log (scoped: it writes through the request's <c>DbSession</c>).</summary>
internal interface IAuditLog
{
    /// <summary>
    /// Appends one event. Inside <c>DbSession.RunInTransactionAsync</c> it joins that transaction, so the event is
    /// stored exactly when what it records is; outside one it commits on its own. Every
    /// <see cref="IAuditObserver"/> runs in the same transaction after the insert.
    /// </summary>
    Task<AuditEvent> AppendAsync(AuditEntry entry, CancellationToken ct);
}
