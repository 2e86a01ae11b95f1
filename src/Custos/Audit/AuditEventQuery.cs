namespace Custos.Audit;

/// <summary>One page of <c>GET /admin/audit-events</c>: filters, the keyset position and the page size.</summary>
internal sealed record AuditEventQuery
{
    /// <summary>Any of these types (exact match); null or empty for every type.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    public Guid? IdentityId { get; init; }

    /// <summary>Inclusive lower bound of <c>occurred_at</c>.</summary>
    public DateTime? Since { get; init; }

    /// <summary>Exclusive upper bound of <c>occurred_at</c>.</summary>
    public DateTime? Until { get; init; }

    /// <summary>Only events after this chain position (the page token).</summary>
    public long? AfterSeq { get; init; }

    public int PageSize { get; init; } = 250;
}
