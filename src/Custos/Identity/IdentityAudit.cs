using System.Text.Json.Nodes;
using Custos.Admin;
using Custos.Audit;
using Custos.Persistence;

namespace Custos.Identity;

/// <summary>
/// The audit events of the identity admin API, written in the transaction of the change. <c>identity.updated</c>
/// names the fields that changed (never their values), and the state's old and new value, which are not personal.
/// </summary>
internal sealed class IdentityAudit(IAuditLog audit, DbSession db, IHttpContextAccessor http)
{
    public Task RunAsync(Func<CancellationToken, Task> work, CancellationToken ct) => db.RunInTransactionAsync(work, ct);

    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct) => db.RunInTransactionAsync(work, ct);

    /// <summary><paramref name="source"/>: <c>admin</c> (<c>POST /admin/identities</c>) or <c>batch</c> (<c>PATCH /admin/identities</c>).</summary>
    public Task CreatedAsync(Identity identity, string source, CancellationToken ct) =>
        AppendAsync(AuditEventTypes.IdentityCreated, identity.Id, new JsonObject
        {
            ["source"] = source,
            ["schema_id"] = identity.SchemaId,
            ["state"] = identity.State,
            ["credentials"] = new JsonArray([.. identity.Credentials.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]),
        }, ct);

    /// <summary>Nothing is recorded when nothing changed (a PUT of the same body).</summary>
    public async Task UpdatedAsync(IReadOnlyDictionary<string, string> before, Identity after, CancellationToken ct)
    {
        var now = Fields(after);
        var changed = now.Keys.Where(k => before[k] != now[k]).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var details = new JsonObject { ["fields"] = new JsonArray([.. changed.Select(f => (JsonNode)f)]) };
        if (changed.Contains("state"))
        {
            details["state"] = new JsonObject { ["from"] = before["state"], ["to"] = now["state"] };
        }

        await AppendAsync(AuditEventTypes.IdentityUpdated, after.Id, details, ct);
    }

    public Task DeletedAsync(Guid id, CancellationToken ct) => AppendAsync(AuditEventTypes.IdentityDeleted, id, [], ct);

    public Task CredentialRemovedAsync(Guid id, string type, CancellationToken ct) =>
        AppendAsync(AuditEventTypes.CredentialRemoved, id, new JsonObject { ["type"] = type, ["source"] = "admin" }, ct);

    /// <summary>What <see cref="UpdatedAsync"/> compares, keyed by the identity's JSON field names.</summary>
    public static IReadOnlyDictionary<string, string> Fields(Identity identity) => new Dictionary<string, string>
    {
        ["schema_id"] = identity.SchemaId,
        ["state"] = identity.State,
        ["traits"] = identity.Traits.ToJsonString(),
        ["metadata_public"] = identity.MetadataPublic?.ToJsonString() ?? "",
        ["metadata_admin"] = identity.MetadataAdmin?.ToJsonString() ?? "",
        ["external_id"] = identity.ExternalId ?? "",
        ["credentials"] = string.Join('\n', identity.Credentials.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key} {string.Join(',', c.Value.Identifiers)} {c.Value.Config.ToJsonString()}")),
        ["verifiable_addresses"] = string.Join('\n', identity.VerifiableAddresses.Select(a => $"{a.Via} {a.Value} {a.Verified} {a.Status}")),
    };

    // Without an admin API key (keys are optional, as in Kratos) the admin API acts as the system; with one the log names it.
    private Task<AuditEvent> AppendAsync(string type, Guid identityId, JsonObject details, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(type, identityId, null, details,
            http.HttpContext is { } context && AdminCaller.Of(context) is not null ? null : AuditActor.System), ct);
}
