using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.Code;

/// <summary>The four one-time secret tables share one shape; the kind picks the table.</summary>
internal sealed class SqlOneTimeSecretStore(DbSession db) : IOneTimeSecretStore
{
    private const string Columns = "id, identity_id, address_id, flow_id, secret_hmac, secret_type, used_at, expires_at, issued_at";

    private sealed class Row
    {
        public Guid Id { get; set; }
        public Guid IdentityId { get; set; }
        public Guid? AddressId { get; set; }
        public Guid FlowId { get; set; }
        public string SecretHmac { get; set; } = "";
        public int SecretType { get; set; }
        public DateTime? UsedAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime IssuedAt { get; set; }
    }

    private static string Table(OneTimeSecretKind kind) => kind switch
    {
        OneTimeSecretKind.VerificationCode => "identity_verification_codes",
        OneTimeSecretKind.VerificationToken => "identity_verification_tokens",
        OneTimeSecretKind.RecoveryCode => "identity_recovery_codes",
        _ => "identity_recovery_tokens",
    };

    public async Task CreateAsync(OneTimeSecret secret, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {Table(secret.Kind)} (id, nid, identity_id, address_id, flow_id, secret_hmac, secret_type, used_at, expires_at, issued_at, created_at, updated_at) "
            + "VALUES (@Id, @Nid, @IdentityId, @AddressId, @FlowId, @SecretHmac, @SecretType, @UsedAt, @ExpiresAt, @IssuedAt, @IssuedAt, @IssuedAt)",
            new { secret.Id, Nid = Network.DefaultId, secret.IdentityId, secret.AddressId, secret.FlowId, secret.SecretHmac, secret.SecretType, secret.UsedAt, secret.ExpiresAt, secret.IssuedAt },
            db.Transaction, cancellationToken: ct));
    }

    public async Task DeleteForFlowAsync(OneTimeSecretKind kind, Guid flowId, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {Table(kind)} WHERE nid = @Nid AND flow_id = @flowId", new { Nid = Network.DefaultId, flowId }, db.Transaction, cancellationToken: ct));
    }

    public async Task<OneTimeSecret?> UseAsync(OneTimeSecretKind kind, Guid? flowId, IReadOnlyList<string> hmacs, DateTime now, CancellationToken ct)
    {
        if (hmacs.Count == 0)
        {
            return null;
        }

        var connection = await db.ConnectionAsync(ct);
        var parameters = new DynamicParameters(new { Nid = Network.DefaultId, now, flowId });
        var names = new List<string>();
        for (var i = 0; i < hmacs.Count; i++)
        {
            parameters.Add("h" + i, hmacs[i]);
            names.Add("@h" + i);
        }

        // One conditional UPDATE: of several parallel submissions of the same secret exactly one sees used_at IS NULL
        // (PostgreSQL re-checks the predicate after the row lock; SQLite has a single writer).
        var flowFilter = flowId is null ? "" : " AND flow_id = @flowId";
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"UPDATE {Table(kind)} SET used_at = @now, updated_at = @now WHERE nid = @Nid{flowFilter} AND secret_hmac IN ({string.Join(", ", names)}) AND used_at IS NULL "
            + $"RETURNING {Columns}",
            parameters, db.Transaction, cancellationToken: ct));
        return row is null ? null : new OneTimeSecret
        {
            Id = row.Id,
            Kind = kind,
            IdentityId = row.IdentityId,
            AddressId = row.AddressId,
            FlowId = row.FlowId,
            SecretHmac = row.SecretHmac,
            SecretType = row.SecretType,
            UsedAt = row.UsedAt,
            ExpiresAt = row.ExpiresAt,
            IssuedAt = row.IssuedAt,
        };
    }
}
