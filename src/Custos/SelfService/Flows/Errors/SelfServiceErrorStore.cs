using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Persistence;
using Dapper;

namespace Custos.SelfService.Flows.Errors;

/// <summary>
/// Stores errors that browsers are redirected to show (<c>{ui.error}?id=</c>), readable through
/// <c>GET /self-service/errors?id=</c>. Reading marks an error as seen.
/// </summary>
internal sealed class SelfServiceErrorStore(DbSession db, TimeProvider clock)
{
    private sealed class ErrorRow
    {
        public Guid Id { get; set; }
        public string Errors { get; set; } = "{}";
        public DateTime CreatedAt { get; set; }
        public DateTime UpdatedAt { get; set; }
    }

    public async Task<Guid> AddAsync(JsonObject error, CancellationToken ct)
    {
        var id = Guid.NewGuid();
        var now = Clock.Now(clock);
        var connection = await db.ConnectionAsync(ct);
        var json = db.Dialect == SqlDialect.Postgres ? "CAST(@Errors AS jsonb)" : "@Errors";
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO selfservice_errors (id, nid, errors, csrf_token, was_seen, created_at, updated_at) VALUES (@Id, @Nid, {json}, '', @Seen, @Now, @Now)",
            new { Id = id, Nid = Network.DefaultId, Errors = error.ToJsonString(), Seen = false, Now = now }, db.Transaction, cancellationToken: ct));
        return id;
    }

    /// <summary>The stored error as <c>flowError</c> JSON, or null when unknown.</summary>
    public async Task<JsonObject?> ReadAsync(Guid id, CancellationToken ct)
    {
        var connection = await db.ConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ErrorRow>(new CommandDefinition(
            "SELECT id, errors, created_at, updated_at FROM selfservice_errors WHERE nid = @Nid AND id = @id",
            new { Nid = Network.DefaultId, id }, db.Transaction, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE selfservice_errors SET was_seen = @Seen, seen_at = @Now WHERE nid = @Nid AND id = @id",
            new { Seen = true, Now = Clock.Now(clock), Nid = Network.DefaultId, id }, db.Transaction, cancellationToken: ct));
        return new JsonObject
        {
            ["id"] = row.Id.ToString("D"),
            ["error"] = JsonNode.Parse(row.Errors),
            ["created_at"] = KratosTime.Format(row.CreatedAt),
            ["updated_at"] = KratosTime.Format(row.UpdatedAt),
        };
    }
}
