using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The one-time secret tables share one shape; the kind picks the table. Recovery and verification secrets point at
/// an address row (<c>address_id</c>, <c>secret_type</c>); login and registration codes carry the address itself
/// (<c>address</c>, <c>address_type</c>) because the code may go to an address no row exists for yet.
/// </summary>
internal sealed partial class SqlOneTimeSecretStore(DbSession db) : IOneTimeSecretStore
{
    private sealed class Row
    {
        public Guid Id { get; set; }
        public Guid? IdentityId { get; set; }
        public Guid? AddressId { get; set; }
        public string? Address { get; set; }
        public string? AddressType { get; set; }
        public Guid FlowId { get; set; }
        public string SecretHmac { get; set; } = "";
        public int SecretType { get; set; }
        public DateTime? UsedAt { get; set; }
        public DateTime ExpiresAt { get; set; }
        public DateTime IssuedAt { get; set; }
    }

    private static bool CarriesAddress(OneTimeSecretKind kind) => kind is OneTimeSecretKind.LoginCode or OneTimeSecretKind.RegistrationCode;

    private static string Table(OneTimeSecretKind kind) => kind switch
    {
        OneTimeSecretKind.VerificationCode => "identity_verification_codes",
        OneTimeSecretKind.VerificationToken => "identity_verification_tokens",
        OneTimeSecretKind.RecoveryCode => "identity_recovery_codes",
        OneTimeSecretKind.RecoveryToken => "identity_recovery_tokens",
        OneTimeSecretKind.LoginCode => "identity_login_codes",
        _ => "identity_registration_codes",
    };

    private static string Columns(OneTimeSecretKind kind) => CarriesAddress(kind)
        ? "id, identity_id, address, address_type, flow_id, secret_hmac, used_at, expires_at, issued_at"
        : "id, identity_id, address_id, flow_id, secret_hmac, secret_type, used_at, expires_at, issued_at";

    public async Task CreateAsync(OneTimeSecret secret, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var sql = CarriesAddress(secret.Kind)
            ? $"INSERT INTO {Table(secret.Kind)} (id, nid, identity_id, address, address_type, flow_id, secret_hmac, used_at, expires_at, issued_at, created_at, updated_at) "
              + "VALUES (@Id, @Nid, @IdentityId, @Address, @AddressType, @FlowId, @SecretHmac, @UsedAt, @ExpiresAt, @IssuedAt, @IssuedAt, @IssuedAt)"
            : $"INSERT INTO {Table(secret.Kind)} (id, nid, identity_id, address_id, flow_id, secret_hmac, secret_type, used_at, expires_at, issued_at, created_at, updated_at) "
              + "VALUES (@Id, @Nid, @IdentityId, @AddressId, @FlowId, @SecretHmac, @SecretType, @UsedAt, @ExpiresAt, @IssuedAt, @IssuedAt, @IssuedAt)";
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            secret.Id,
            Nid = Network.DefaultId,
            IdentityId = secret.IdentityId == Guid.Empty ? (Guid?)null : secret.IdentityId,
            secret.AddressId,
            secret.Address,
            secret.AddressType,
            secret.FlowId,
            secret.SecretHmac,
            secret.SecretType,
            secret.UsedAt,
            secret.ExpiresAt,
            secret.IssuedAt,
        }, db.Transaction, cancellationToken: ct));
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
        var names = AddList(parameters, "h", hmacs);

        // One conditional UPDATE: of several parallel submissions of the same secret exactly one sees used_at IS NULL
        // (PostgreSQL re-checks the predicate after the row lock; SQLite has a single writer).
        var flowFilter = flowId is null ? "" : " AND flow_id = @flowId";
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"UPDATE {Table(kind)} SET used_at = @now, updated_at = @now WHERE nid = @Nid{flowFilter} AND secret_hmac IN ({names}) AND used_at IS NULL "
            + $"RETURNING {Columns(kind)}",
            parameters, db.Transaction, cancellationToken: ct));
        return row is null ? null : ToSecret(kind, row);
    }

    private static string AddList(DynamicParameters parameters, string prefix, IReadOnlyList<string> values)
    {
        var names = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            parameters.Add(prefix + i, values[i]);
            names.Add("@" + prefix + i);
        }

        return string.Join(", ", names);
    }

    private static OneTimeSecret ToSecret(OneTimeSecretKind kind, Row row) => new()
    {
        Id = row.Id,
        Kind = kind,
        IdentityId = row.IdentityId ?? Guid.Empty,
        AddressId = row.AddressId,
        Address = row.Address,
        AddressType = row.AddressType,
        FlowId = row.FlowId,
        SecretHmac = row.SecretHmac,
        SecretType = CarriesAddress(kind) ? OneTimeSecret.SelfService : row.SecretType,
        UsedAt = row.UsedAt,
        ExpiresAt = row.ExpiresAt,
        IssuedAt = row.IssuedAt,
    };
}
