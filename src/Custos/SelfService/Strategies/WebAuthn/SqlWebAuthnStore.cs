using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>Spent challenges in their own table; counters in the credential's JSON config, written compare-and-swap.</summary>
internal sealed class SqlWebAuthnStore(DbSession db) : IWebAuthnStore
{
    private const int Attempts = 5;

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Config { get; set; } = "{}";
    }

    public async Task<bool> TrySpendChallengeAsync(byte[] challenge, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        // A challenge is 32 random bytes and lives as long as its flow; rows older than a day can serve no flow.
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webauthn_used_challenges WHERE used_at < @before",
            new { before = now.AddDays(-1) }, db.Transaction, cancellationToken: ct));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webauthn_used_challenges (challenge_hash, nid, used_at) VALUES (@hash, @Nid, @now) ON CONFLICT (challenge_hash) DO NOTHING",
            new { hash = Convert.ToHexStringLower(SHA256.HashData(challenge)), Nid = Network.DefaultId, now }, db.Transaction, cancellationToken: ct));
        return inserted == 1;
    }

    public async Task RecordLoginAsync(Guid identityId, string credentialType, VerifiedAssertion assertion, DateTime now, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var compare = db.Dialect == SqlDialect.Postgres ? "config = CAST(@old AS jsonb)" : "config = @old";
        var assign = db.Dialect == SqlDialect.Postgres ? "config = CAST(@config AS jsonb)" : "config = @config";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                "SELECT id, config FROM identity_credentials WHERE nid = @Nid AND identity_id = @identityId AND type = @credentialType",
                new { Nid = Network.DefaultId, identityId, credentialType }, db.Transaction, cancellationToken: ct));
            if (row is null)
            {
                return;
            }

            var config = WebAuthnCredentialConfig.Read(JsonNode.Parse(row.Config) as JsonObject);
            if (config.Find(assertion.CredentialId) is not { } stored || !SignCounter.Apply(stored, assertion.SignCount, assertion.BackupState))
            {
                return;
            }

            var updated = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE identity_credentials SET {assign}, updated_at = @now WHERE nid = @Nid AND id = @id AND {compare}",
                new { config = config.ToJson().ToJsonString(), now, Nid = Network.DefaultId, id = row.Id, old = row.Config },
                db.Transaction, cancellationToken: ct));
            if (updated == 1)
            {
                return;
            }
        }
    }

    public async Task<Guid?> FindIdentityByWebAuthnUserHandleAsync(byte[] userHandle, CancellationToken ct)
    {
        var handle = db.Dialect == SqlDialect.Postgres ? "config ->> 'user_handle'" : "json_extract(config, '$.user_handle')";
        var connection = await db.ConnectionAsync(ct);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(new CommandDefinition(
            $"SELECT identity_id FROM identity_credentials WHERE nid = @Nid AND type = @Type AND {handle} = @handle",
            new { Nid = Network.DefaultId, Type = Identity.CredentialTypes.WebAuthn, handle = Convert.ToBase64String(userHandle) },
            db.Transaction, cancellationToken: ct));
    }
}
