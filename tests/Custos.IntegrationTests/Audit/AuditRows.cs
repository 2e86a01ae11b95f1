using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Audit;

/// <summary>One stored <c>audit_events</c> row as the tests read it back.</summary>
public sealed record AuditRow(string Type, string ActorKind, string? IdentityId, string? SessionId, JsonObject Details, string Raw);

/// <summary>Reads <c>audit_events</c> straight from the app's database, oldest first.</summary>
public static class AuditRows
{
    public static async Task<IReadOnlyList<AuditRow>> ForIdentityAsync(this CustosAppFactory app, Guid identityId) =>
        await app.QueryAsync("WHERE LOWER(CAST(identity_id AS TEXT)) = @id", new { id = identityId.ToString("D") });

    public static async Task<IReadOnlyList<AuditRow>> OfTypeAsync(this CustosAppFactory app, string type) =>
        await app.QueryAsync("WHERE type = @type", new { type });

    public static IReadOnlyList<AuditRow> OfType(this IEnumerable<AuditRow> rows, string type) => rows.Where(r => r.Type == type).ToList();

    private static async Task<IReadOnlyList<AuditRow>> QueryAsync(this CustosAppFactory app, string where, object args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var connection = await db.ConnectionAsync(CancellationToken.None);
        var rows = await connection.QueryAsync(
            "SELECT type, actor_kind, CAST(identity_id AS TEXT) AS identity_id, CAST(session_id AS TEXT) AS session_id, CAST(details AS TEXT) AS details, "
            + "CAST(actor_id AS TEXT) AS actor_id, ip_address, user_agent FROM audit_events " + where + " ORDER BY seq", args);
        return rows.Select(r => (IDictionary<string, object?>)r).Select(r => new AuditRow(
            (string)r["type"]!,
            (string)r["actor_kind"]!,
            ((string?)r["identity_id"])?.ToLowerInvariant(),
            ((string?)r["session_id"])?.ToLowerInvariant(),
            JsonNode.Parse((string)r["details"]!)!.AsObject(),
            string.Join(' ', r.Values.Select(v => v?.ToString())))).ToList();
    }
}
