namespace Custos.Audit;

/// <summary>
/// Sees every appended event inside the appending transaction (the event webhooks queue their deliveries here, so an
/// event and its deliveries commit or roll back together). Must not throw for ordinary reasons: a throw rolls back
/// the audited action.
/// </summary>
internal interface IAuditObserver
{
    Task OnAppendedAsync(AuditEvent auditEvent, CancellationToken ct);
}
