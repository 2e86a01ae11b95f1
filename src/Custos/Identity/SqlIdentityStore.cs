using System.Data.Common;
using System.Text.Json.Nodes;
using Custos.Persistence;
using Dapper;
using static Custos.Identity.IdentityRows;

namespace Custos.Identity;

/// <summary>Identity store on Dapper; portable SQL with the JSON cast as the only dialect difference.</summary>
internal sealed partial class SqlIdentityStore(DbSession db) : IPrivilegedIdentityPool
{
    private const string IdentityColumns =
        "id, schema_id, traits, state, state_changed_at, metadata_public, metadata_admin, available_aal, external_id, organization_id, created_at, updated_at";

    private static readonly Guid Nid = Network.DefaultId;

    private string Json(string parameter) => db.Dialect == SqlDialect.Postgres ? $"CAST({parameter} AS jsonb)" : parameter;

    // Dapper expands lists itself on SQLite (bypassing the uuid handler, so ids go as text); Npgsql takes a native array.
    private string InIds(string column, string parameter) => db.Dialect == SqlDialect.Postgres ? $"{column} = ANY({parameter})" : $"{column} IN {parameter}";

    private object IdList(IEnumerable<Guid> ids) => db.Dialect == SqlDialect.Postgres ? ids.ToArray() : ids.Select(g => g.ToString("D")).ToArray();

    // DynamicParameters looks at the runtime type, so the list is expanded (SQLite) or sent as an array (PostgreSQL).
    private static DynamicParameters IdParameters(object ids)
    {
        var parameters = new DynamicParameters(new { Nid });
        parameters.Add("ids", ids);
        return parameters;
    }

    internal string VerifiableAddressesSql =>
        $"SELECT id, identity_id, via, value, verified, verified_at, status, created_at, updated_at FROM identity_verifiable_addresses WHERE nid = @Nid AND {InIds("identity_id", "@ids")} ORDER BY created_at, id";

    internal string RecoveryAddressesSql =>
        $"SELECT id, identity_id, via, value, created_at, updated_at FROM identity_recovery_addresses WHERE nid = @Nid AND {InIds("identity_id", "@ids")} ORDER BY created_at, id";

    internal string CredentialsSql =>
        $"SELECT id, identity_id, type, config, version, created_at, updated_at FROM identity_credentials WHERE nid = @Nid AND {InIds("identity_id", "@ids")}";

    internal string IdentifiersSql =>
        $"SELECT identity_credential_id, identifier FROM identity_credential_identifiers WHERE nid = @Nid AND {InIds("identity_id", "@ids")} ORDER BY created_at, identifier";

    internal const string AnyIdentifierSql =
        "SELECT identity_id FROM identity_credential_identifiers WHERE nid = @Nid AND identifier IN (@normalized, @identifier) ORDER BY identity_id";

    /// <summary>The statements that load a page's addresses and credentials; plan tests explain exactly these.</summary>
    internal IReadOnlyList<string> PageLoadingSql => [VerifiableAddressesSql, RecoveryAddressesSql, CredentialsSql, IdentifiersSql];

    /// <summary>The parameters <see cref="PageLoadingSql"/> takes for a page of identity ids.</summary>
    internal DynamicParameters PageParameters(IEnumerable<Guid> ids) => IdParameters(IdList(ids));

    public async Task<Identity?> GetAsync(Guid id, bool withCredentials, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRow>(Command(
            $"SELECT {IdentityColumns} FROM identities WHERE nid = @Nid AND id = @id", new { Nid, id }, ct));
        return row is null ? null : (await HydrateAsync(connection, [row], withCredentials, ct))[0];
    }

    public async Task<Identity?> GetByExternalIdAsync(string externalId, bool withCredentials, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<IdentityRow>(Command(
            $"SELECT {IdentityColumns} FROM identities WHERE nid = @Nid AND external_id = @externalId", new { Nid, externalId }, ct));
        return row is null ? null : (await HydrateAsync(connection, [row], withCredentials, ct))[0];
    }

    public async Task<IReadOnlyList<Identity>> ListAsync(IdentityListQuery query, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var where = "i.nid = @Nid";
        var join = "";
        if (query.After is not null)
        {
            where += " AND i.id > @After";
        }

        if (query.Ids is not null)
        {
            where += " AND " + InIds("i.id", "@Ids");
        }

        if (query.OrganizationId is not null)
        {
            where += " AND i.organization_id = @OrganizationId";
        }

        if (query.CredentialsIdentifier is not null || query.CredentialsIdentifierPrefix is not null)
        {
            join = " INNER JOIN (SELECT DISTINCT identity_id FROM identity_credential_identifiers WHERE nid = @Nid AND "
                + (query.CredentialsIdentifier is not null ? "identifier = @CredentialsIdentifier" : "identifier LIKE @Prefix ESCAPE '\\'")
                + ") ci ON ci.identity_id = i.id";
        }

        var columns = string.Join(", ", IdentityColumns.Split(", ").Select(c => "i." + c));
        var sql = $"SELECT {columns} FROM identities i{join} WHERE {where} ORDER BY i.id LIMIT @PageSize"
            + (query.Offset is not null ? " OFFSET @Offset" : "");
        var prefix = query.CredentialsIdentifierPrefix is null ? null : EscapeLike(query.CredentialsIdentifierPrefix) + "%";
        var parameters = new DynamicParameters(new { Nid, query.After, query.OrganizationId, query.CredentialsIdentifier, Prefix = prefix, query.PageSize, query.Offset });
        if (query.Ids is not null)
        {
            parameters.Add("Ids", IdList(query.Ids));
        }

        var rows = (await connection.QueryAsync<IdentityRow>(Command(sql, parameters, ct))).ToList();
        return await HydrateAsync(connection, rows, query.WithCredentials, ct);
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(Command("SELECT COUNT(*) FROM identities WHERE nid = @Nid", new { Nid }, ct));
    }

    public async Task<Identity?> FindByCredentialsIdentifierAsync(string credentialType, string identifier, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var identityId = await connection.QuerySingleOrDefaultAsync<Guid?>(Command(
            "SELECT identity_id FROM identity_credential_identifiers WHERE nid = @Nid AND type = @credentialType AND identifier = @identifier",
            new { Nid, credentialType, identifier }, ct));
        return identityId is null ? null : await GetAsync(identityId.Value, withCredentials: true, ct);
    }

    public async Task<Identity?> FindByAnyCredentialsIdentifierAsync(string identifier, CancellationToken ct)
    {
        var normalized = identifier.Trim().ToLowerInvariant();
        var connection = await db.ConnectionAsync(ct);
        var identityId = await connection.QueryFirstOrDefaultAsync<Guid?>(Command(
            AnyIdentifierSql,
            new { Nid, normalized, identifier }, ct));
        return identityId is null ? null : await GetAsync(identityId.Value, withCredentials: true, ct);
    }

    private async Task<List<Identity>> HydrateAsync(DbConnection connection, List<IdentityRow> rows, bool withCredentials, CancellationToken ct)
    {
        var identities = rows.Select(ToIdentity).ToList();
        if (identities.Count == 0)
        {
            return identities;
        }

        var byId = identities.ToDictionary(i => i.Id);
        var ids = IdList(byId.Keys);
        var verifiable = await connection.QueryAsync<VerifiableAddressRow>(Command(
            VerifiableAddressesSql,
            IdParameters(ids), ct));
        foreach (var a in verifiable)
        {
            byId[a.IdentityId].VerifiableAddresses.Add(new VerifiableAddress
            {
                Id = a.Id, Value = a.Value, Via = a.Via, Verified = a.Verified, VerifiedAt = a.VerifiedAt, Status = a.Status, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
            });
        }

        var recovery = await connection.QueryAsync<RecoveryAddressRow>(Command(
            RecoveryAddressesSql,
            IdParameters(ids), ct));
        foreach (var a in recovery)
        {
            byId[a.IdentityId].RecoveryAddresses.Add(new RecoveryAddress { Id = a.Id, Value = a.Value, Via = a.Via, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt });
        }

        if (withCredentials)
        {
            await LoadCredentialsAsync(connection, byId, ids, ct);
        }

        return identities;
    }

    private async Task LoadCredentialsAsync(DbConnection connection, Dictionary<Guid, Identity> byId, object ids, CancellationToken ct)
    {
        var credentials = (await connection.QueryAsync<CredentialRow>(Command(
            CredentialsSql,
            IdParameters(ids), ct))).ToList();
        var identifiers = await connection.QueryAsync<IdentifierRow>(Command(
            IdentifiersSql,
            IdParameters(ids), ct));
        var byCredential = identifiers.ToLookup(i => i.IdentityCredentialId, i => i.Identifier);
        foreach (var identity in byId.Values)
        {
            identity.CredentialsLoaded = true;
        }

        foreach (var c in credentials)
        {
            byId[c.IdentityId].Credentials[c.Type] = new Credentials
            {
                Id = c.Id,
                Type = c.Type,
                Config = JsonNode.Parse(c.Config) as JsonObject ?? [],
                Version = c.Version,
                Identifiers = byCredential[c.Id].ToList(),
                CreatedAt = c.CreatedAt,
                UpdatedAt = c.UpdatedAt,
            };
        }
    }

    internal static Identity ToIdentity(IdentityRow r) => new()
    {
        Id = r.Id,
        SchemaId = r.SchemaId,
        Traits = JsonNode.Parse(r.Traits) ?? new JsonObject(),
        State = r.State,
        StateChangedAt = r.StateChangedAt,
        MetadataPublic = r.MetadataPublic is null ? null : JsonNode.Parse(r.MetadataPublic),
        MetadataAdmin = r.MetadataAdmin is null ? null : JsonNode.Parse(r.MetadataAdmin),
        AvailableAal = r.AvailableAal,
        ExternalId = r.ExternalId,
        OrganizationId = r.OrganizationId,
        CreatedAt = r.CreatedAt,
        UpdatedAt = r.UpdatedAt,
    };

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);
}
