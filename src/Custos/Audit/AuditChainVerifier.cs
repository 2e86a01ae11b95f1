namespace Custos.Audit;

/// <summary>
/// Walks the chain oldest first. The oldest row's <c>prev_hash</c> is trusted as the anchor (retention prunes from the
/// start); every later row must name its predecessor's hash, and every row's hash must match its content.
/// </summary>
internal static class AuditChainVerifier
{
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditRow> rows, CancellationToken ct)
    {
        AuditRow? previous = null;
        long count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (previous is not null && !string.Equals(row.PrevHash, previous.Hash, StringComparison.Ordinal))
            {
                return new AuditVerification(count, previous.Hash,
                    $"the chain is broken between event {Describe(previous)} and event {Describe(row)}: an event between them was removed, or the later one's prev_hash was changed");
            }

            if (!string.Equals(row.Hash, AuditChain.Compute(row.PrevHash, row), StringComparison.Ordinal))
            {
                return new AuditVerification(count, previous?.Hash, $"event {Describe(row)} was changed: its content does not match its hash");
            }

            previous = row;
            count++;
        }

        return new AuditVerification(count, previous?.Hash, null);
    }

    private static string Describe(AuditRow row) => $"{row.Id:D} (seq {row.Seq}, {row.Type}, {row.OccurredAt:yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'})";
}
