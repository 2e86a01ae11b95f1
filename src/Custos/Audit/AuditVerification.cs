namespace Custos.Audit;

/// <summary>The outcome of walking the chain: how many events were checked, the head hash, and the first break if any.</summary>
/// <param name="Problem">Null when the chain holds; else names the first event that was changed, or where events were removed.</param>
internal sealed record AuditVerification(long Checked, string? HeadHash, string? Problem)
{
    public bool Ok => Problem is null;
}
