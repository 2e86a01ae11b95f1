using System.Text.RegularExpressions;
using Custos.Identity;
using Custos.Persistence;
using Dapper;

namespace Custos.Persistence.Tests;

/// <summary>
/// Loading a page of identities must look each id up through an index that leads with <c>identity_id</c>; a plan that
/// walks the network's rows (by <c>nid</c>) or the whole table grows with every identity stored.
/// </summary>
public abstract class IdentityPagePlanConformance(DatabaseFixture fixture)
{
    private const int Seeded = 50000;

    private static readonly string[] Tables =
        ["identity_verifiable_addresses", "identity_recovery_addresses", "identity_credentials", "identity_credential_identifiers"];

    private static Guid SeededId(int i) => Guid.Parse($"00000000-0000-4000-8000-{i:x12}");

    private string SeedSql()
    {
        var nid = Network.DefaultId.ToString("D");
        if (fixture.Factory.Dialect == SqlDialect.Postgres)
        {
            return $"""
                INSERT INTO identities (id, nid, schema_id, traits, created_at, updated_at)
                  SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, '{nid}', 'default', '{"{}"}', now(), now() FROM generate_series(1, {Seeded}) i;
                INSERT INTO identity_verifiable_addresses SELECT gen_random_uuid(), nid, id, 'email', id || '@example.com', false, NULL, 'pending', now(), now() FROM identities;
                INSERT INTO identity_recovery_addresses SELECT gen_random_uuid(), nid, id, 'email', id || '@example.com', now(), now() FROM identities;
                INSERT INTO identity_credentials SELECT id, nid, id, 'password', '{"{}"}', 0, now(), now() FROM identities;
                INSERT INTO identity_credential_identifiers SELECT gen_random_uuid(), nid, id, id, 'password', id || '@example.com', now(), now() FROM identities;
                ANALYZE identities, identity_verifiable_addresses, identity_recovery_addresses, identity_credentials, identity_credential_identifiers;
                """;
        }

        return $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Seeded})
            INSERT INTO identities (id, nid, schema_id, traits, created_at, updated_at)
              SELECT printf('00000000-0000-4000-8000-%012x', i), '{nid}', 'default', '{"{}"}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
            INSERT INTO identity_verifiable_addresses SELECT 'v' || id, nid, id, 'email', id || '@example.com', 0, NULL, 'pending', created_at, updated_at FROM identities;
            INSERT INTO identity_recovery_addresses SELECT 'r' || id, nid, id, 'email', id || '@example.com', created_at, updated_at FROM identities;
            INSERT INTO identity_credentials SELECT 'c' || id, nid, id, 'password', '{"{}"}', 0, created_at, updated_at FROM identities;
            INSERT INTO identity_credential_identifiers SELECT 'i' || id, nid, id, 'c' || id, 'password', id || '@example.com', created_at, updated_at FROM identities;
            """;
    }

    private async Task<List<(string Sql, string Plan)>> ExplainPageAsync(int pageSize)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var session = new DbSession(fixture.Factory);
        var store = new SqlIdentityStore(session);
        var connection = await session.ConnectionAsync(CancellationToken.None);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM identities") == 0)
        {
            await connection.ExecuteAsync(SeedSql());
        }

        var ids = Enumerable.Range(Seeded - 10000, pageSize).Select(SeededId).ToList();
        var postgres = fixture.Factory.Dialect == SqlDialect.Postgres;
        var plans = new List<(string, string)>();
        foreach (var sql in store.PageLoadingSql)
        {
            var rows = await connection.QueryAsync((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql, store.PageParameters(ids));
            var lines = rows.Select(r => (string)((IDictionary<string, object>)r)[postgres ? "QUERY PLAN" : "detail"]);
            plans.Add((sql, string.Join("\n", lines)));
        }

        return plans;
    }

    [SkippableTheory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(250)]
    public async Task PageLoadingQueries_SearchByIdentityId_WithoutScanningTheTable(int pageSize)
    {
        var plans = await ExplainPageAsync(pageSize);

        Assert.Equal(Tables.Length, plans.Count);
        foreach (var (sql, plan) in plans)
        {
            var table = Tables.Single(t => sql.Contains($"FROM {t} ", StringComparison.Ordinal));
            if (fixture.Factory.Dialect == SqlDialect.Postgres)
            {
                Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
                Assert.Matches(new Regex(@"Index Cond: \(+identity_id = ANY"), plan);
            }
            else
            {
                Assert.DoesNotContain($"SCAN {table}", plan, StringComparison.Ordinal);
                Assert.Matches(new Regex($@"SEARCH {table} USING (COVERING )?INDEX \w+ \(identity_id=\?"), plan);
            }
        }
    }

    [SkippableFact]
    public async Task AnyIdentifierLookup_SearchesByIdentifier()
    {
        await ExplainPageAsync(1);
        await using var session = new DbSession(fixture.Factory);
        var connection = await session.ConnectionAsync(CancellationToken.None);
        var postgres = fixture.Factory.Dialect == SqlDialect.Postgres;
        var parameters = new { Nid = postgres ? (object)Network.DefaultId : Network.DefaultId.ToString("D"), normalized = "a@example.com", identifier = "A@example.com" };

        var rows = await connection.QueryAsync((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + SqlIdentityStore.AnyIdentifierSql, parameters);
        var plan = string.Join("\n", rows.Select(r => (string)((IDictionary<string, object>)r)[postgres ? "QUERY PLAN" : "detail"]));

        if (postgres)
        {
            Assert.DoesNotContain("Seq Scan", plan, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"Index Cond: \(+identifier = ANY"), plan);
        }
        else
        {
            Assert.Matches(new Regex(@"SEARCH identity_credential_identifiers USING (COVERING )?INDEX \w+ \(identifier=\?"), plan);
        }
    }
}

public sealed class SqliteIdentityPagePlanTests(SqliteFixture fixture) : IdentityPagePlanConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresIdentityPagePlanTests(PostgresFixture fixture) : IdentityPagePlanConformance(fixture), IClassFixture<PostgresFixture>;
