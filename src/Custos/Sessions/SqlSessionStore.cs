using System.Data.Common;
using Custos.Identity;
using Custos.Persistence;
using Dapper;
using static Custos.Identity.IdentityRows;
using static Custos.Sessions.SessionRows;

namespace Custos.Sessions;

/// <summary>
/// Session store on Dapper. A read with identity is one JOIN plus, when a session was found, one UNION ALL over both
/// address tables, so <c>whoami</c> costs at most two statements; devices and methods live in JSON columns for the same reason.
/// </summary>
internal sealed partial class SqlSessionStore(DbSession db, TimeProvider clock) : ISessionStore
{
    private const string IdentityColumns =
        "i.id, i.schema_id, i.traits, i.state, i.state_changed_at, i.metadata_public, i.metadata_admin, i.available_aal, i.external_id, i.organization_id, i.created_at, i.updated_at";

    private const string NewestFirst = " ORDER BY s.created_at DESC, s.id DESC";

    private static readonly Guid Nid = Network.DefaultId;

    private static string SessionWithIdentityQuery(string where, string tail) =>
        $"SELECT {Columns}, {IdentityColumns} FROM sessions s INNER JOIN identities i ON i.id = s.identity_id WHERE {where}{tail}";

    // Both address tables of the matched identities in one statement (and their credentials when asked for, see
    // CredentialRows); `match` filters on identity_id.
    private static string AddressQuery(string match, bool withCredentials) =>
        $"SELECT 'v' AS kind, id, identity_id, via, value, verified, verified_at, status, created_at, updated_at FROM identity_verifiable_addresses WHERE nid = @Nid AND {match} "
        + $"UNION ALL SELECT 'r' AS kind, id, identity_id, via, value, NULL, NULL, NULL, created_at, updated_at FROM identity_recovery_addresses WHERE nid = @Nid AND {match} "
        + (withCredentials ? CredentialRows(match) : "")
        + "ORDER BY created_at, id";

    public async Task<Session?> GetAsync(Guid id, bool withIdentity, CancellationToken ct) =>
        (await QueryAsync("s.nid = @Nid AND s.id = @id", new DynamicParameters(new { Nid, id }), withIdentity, "", ct)).SingleOrDefault();

    public async Task<Session?> GetByTokenHashAsync(string tokenHash, CancellationToken ct)
    {
        if (await db.ConnectionAsync(ct) is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            return await GetByTokenHashPreparedAsync(sqlite, tokenHash, ct);
        }

        return (await QueryAsync("s.nid = @Nid AND s.token = @tokenHash", new DynamicParameters(new { Nid, tokenHash }), true, "", ct, withCredentials: true)).SingleOrDefault();
    }

    // whoami on SQLite: the same two statements as QueryAsync, on commands that stay prepared on the connection.
    private async Task<Session?> GetByTokenHashPreparedAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string tokenHash, CancellationToken ct)
    {
        var transaction = db.Transaction as Microsoft.Data.Sqlite.SqliteTransaction;
        var command = PreparedCommands.Get(connection,
            SessionWithIdentityQuery("s.nid = @Nid AND s.token = @tokenHash", ""), transaction);
        command.Parameters.AddWithValue("@Nid", Nid.ToString("D"));
        command.Parameters.AddWithValue("@tokenHash", tokenHash);
        Session session;
        Identity.Identity identity;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            var sessionFields = Columns.Split(", ").Length;
            session = ToSession(reader.GetRowParser<SessionRow>(typeof(SessionRow), 0, sessionFields)(reader));
            identity = SqlIdentityStore.ToIdentity(reader.GetRowParser<IdentityRow>(typeof(IdentityRow), sessionFields, reader.FieldCount - sessionFields)(reader));
        }

        var withCredentials = NeedsCredentials(session);
        var addresses = PreparedCommands.Get(connection,
            AddressQuery("identity_id = @id", withCredentials), transaction);
        addresses.Parameters.AddWithValue("@Nid", Nid.ToString("D"));
        addresses.Parameters.AddWithValue("@id", identity.Id.ToString("D"));
        var rows = new List<AddressRow>();
        await using (var reader = await addresses.ExecuteReaderAsync(ct))
        {
            var parse = reader.GetRowParser<AddressRow>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(parse(reader));
            }
        }

        ApplyAddresses(new Dictionary<Guid, Identity.Identity> { [identity.Id] = identity }, rows, withCredentials);
        session.Identity = identity;
        return session;
    }

    public async Task<Session?> GetByLogoutTokenHashAsync(string logoutTokenHash, CancellationToken ct) =>
        (await QueryAsync("s.nid = @Nid AND s.logout_token = @logoutTokenHash", new DynamicParameters(new { Nid, logoutTokenHash }), true, "", ct)).SingleOrDefault();

    public async Task<IReadOnlyList<Session>> ListByIdentityAsync(IdentitySessionsQuery query, CancellationToken ct)
    {
        var (where, parameters) = IdentityFilter(query);
        parameters.AddDynamicParams(new { query.Limit, query.Offset });
        return await QueryAsync(where, parameters, true, NewestFirst + " LIMIT @Limit OFFSET @Offset", ct);
    }

    public async Task<long> CountByIdentityAsync(IdentitySessionsQuery query, CancellationToken ct)
    {
        var (where, parameters) = IdentityFilter(query);
        var connection = await db.ConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(Command($"SELECT COUNT(*) FROM sessions s WHERE {where}", parameters, ct));
    }

    public async Task<IReadOnlyList<Session>> ListAsync(SessionListQuery query, CancellationToken ct)
    {
        var where = "s.nid = @Nid" + ActiveFilter(query.Active);
        var parameters = new DynamicParameters(new { Nid, query.Now, query.PageSize });
        if (query.After is { } after)
        {
            where += " AND (s.created_at < @AfterCreatedAt OR (s.created_at = @AfterCreatedAt AND s.id < @AfterId))";
            parameters.AddDynamicParams(new { AfterCreatedAt = after.CreatedAt, AfterId = after.Id });
        }

        return await QueryAsync(where, parameters, query.WithIdentity, NewestFirst + " LIMIT @PageSize", ct);
    }

    private static (string Where, DynamicParameters Parameters) IdentityFilter(IdentitySessionsQuery query)
    {
        var where = "s.nid = @Nid AND s.identity_id = @IdentityId" + ActiveFilter(query.Active);
        if (query.ExceptSessionId is not null)
        {
            where += " AND s.id <> @ExceptSessionId";
        }

        return (where, new DynamicParameters(new { Nid, query.IdentityId, query.Now, query.ExceptSessionId }));
    }

    // "Active" is the effective state (flag and expiry), so a filter never lists sessions the JSON then shows as inactive.
    private static string ActiveFilter(bool? active) => active switch
    {
        true => " AND s.active = TRUE AND s.expires_at > @Now",
        false => " AND (s.active = FALSE OR s.expires_at <= @Now)",
        null => "",
    };

    // withCredentials: also read the identity's credentials for sessions below aal2, which the AAL check needs.
    private async Task<List<Session>> QueryAsync(string where, DynamicParameters parameters, bool withIdentity, string tail, CancellationToken ct, bool withCredentials = false)
    {
        var connection = await db.ConnectionAsync(ct);
        if (!withIdentity)
        {
            var rows = await connection.QueryAsync<SessionRow>(Command($"SELECT {Columns} FROM sessions s WHERE {where}{tail}", parameters, ct));
            return rows.Select(ToSession).ToList();
        }

        // Measured: on PostgreSQL one statement with the addresses as JSON is fastest (a round trip saved); on SQLite
        // its JSON functions cost more than a second, simple statement.
        if (db.Dialect == SqlDialect.Postgres)
        {
            return await QueryWithAddressJsonAsync(connection, where, parameters, tail, withCredentials, ct);
        }

        // Sessions of one identity share one Identity object, and its addresses are read once.
        var identities = new Dictionary<Guid, Identity.Identity>();
        var sessions = await connection.QueryAsync<SessionRow, IdentityRow, Session>(
            Command(SessionWithIdentityQuery(where, tail), parameters, ct),
            (row, identityRow) =>
            {
                var session = ToSession(row);
                if (!identities.TryGetValue(identityRow.Id, out var identity))
                {
                    identity = SqlIdentityStore.ToIdentity(identityRow);
                    identities[identity.Id] = identity;
                }

                session.Identity = identity;
                return session;
            },
            splitOn: "id");
        var list = sessions.ToList();
        if (identities.Count > 0)
        {
            await LoadAddressesAsync(connection, identities, withCredentials && list.Any(NeedsCredentials), ct);
        }

        return list;
    }

    private string Json(string parameter) => db.Dialect == SqlDialect.Postgres ? $"CAST({parameter} AS jsonb)" : parameter;

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(sql, parameters, db.Transaction, cancellationToken: ct);

    private async Task LoadAddressesAsync(DbConnection connection, Dictionary<Guid, Identity.Identity> identities, bool withCredentials, CancellationToken ct)
    {
        var postgres = db.Dialect == SqlDialect.Postgres;
        // Dapper expands a list itself on SQLite (bypassing the uuid handler, so ids go as text); Npgsql takes an array.
        // whoami reads one identity: a plain equality avoids Dapper's per-call list expansion (a regex over the SQL).
        var single = identities.Count == 1;
        var match = single ? "identity_id = @id" : postgres ? "identity_id = ANY(@ids)" : "identity_id IN @ids";
        var parameters = new DynamicParameters(new { Nid });
        if (single)
        {
            parameters.Add("id", identities.Keys.First());
        }
        else
        {
            parameters.Add("ids", postgres ? identities.Keys.ToArray() : identities.Keys.Select(g => g.ToString("D")).ToArray());
        }
        var rows = await connection.QueryAsync<AddressRow>(Command(
            AddressQuery(match, withCredentials),
            parameters, ct));
        ApplyAddresses(identities, rows, withCredentials);
    }

    private static void ApplyAddresses(Dictionary<Guid, Identity.Identity> identities, IEnumerable<AddressRow> rows, bool withCredentials)
    {
        var credentialRows = new List<AddressRow>();
        foreach (var a in rows)
        {
            var identity = identities[a.IdentityId];
            if (a.Kind is "c" or "i")
            {
                credentialRows.Add(a);
            }
            else if (a.Kind == "v")
            {
                identity.VerifiableAddresses.Add(new VerifiableAddress
                {
                    Id = a.Id, Value = a.Value, Via = a.Via, Verified = a.Verified ?? false, VerifiedAt = a.VerifiedAt, Status = a.Status ?? "", CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
                });
            }
            else
            {
                identity.RecoveryAddresses.Add(new RecoveryAddress { Id = a.Id, Value = a.Value, Via = a.Via, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt });
            }
        }

        if (withCredentials)
        {
            ApplyCredentialRows(identities, credentialRows);
        }
    }

    private async Task<List<Session>> QueryWithAddressJsonAsync(DbConnection connection, string where, DynamicParameters parameters, string tail, bool withCredentials, CancellationToken ct)
    {
        // One statement: the identity's addresses come along as JSON arrays (see SessionAddressJson).
        var identities = new Dictionary<Guid, Identity.Identity>();
        var sessions = await connection.QueryAsync<SessionRow, IdentityRow, AddressJsonRow, Session>(
            Command($"SELECT {Columns}, {IdentityColumns}, {SessionAddressJson.Columns(db.Dialect)}{(withCredentials ? ", " + CredentialsJsonColumn : "")} FROM sessions s INNER JOIN identities i ON i.id = s.identity_id WHERE {where}{tail}", parameters, ct),
            (row, identityRow, addresses) =>
            {
                var session = ToSession(row);
                if (!identities.TryGetValue(identityRow.Id, out var identity))
                {
                    identity = SqlIdentityStore.ToIdentity(identityRow);
                    SessionAddressJson.Apply(identity, addresses.VerifiableJson, addresses.RecoveryJson);
                    if (addresses.CredentialsJson is { } credentials)
                    {
                        ApplyCredentialJson(identity, credentials);
                    }

                    identities[identity.Id] = identity;
                }

                session.Identity = identity;
                return session;
            },
            splitOn: "id,verifiable_json");
        return sessions.ToList();
    }
}
