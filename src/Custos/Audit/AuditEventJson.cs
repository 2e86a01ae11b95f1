using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Audit;

/// <summary>The wire JSON of an audit event (admin API, export, webhooks).</summary>
internal static class AuditEventJson
{
    public static JsonObject From(AuditEvent e) => new()
    {
        ["id"] = e.Id.ToString("D"),
        ["type"] = e.Type,
        ["occurred_at"] = KratosTime.Format(e.OccurredAt),
        ["actor"] = new JsonObject
        {
            ["kind"] = e.Actor.Kind,
            ["id"] = e.Actor.Id?.ToString("D"),
            ["name"] = e.Actor.Name,
        },
        ["identity_id"] = e.IdentityId?.ToString("D"),
        ["session_id"] = e.SessionId?.ToString("D"),
        ["ip_address"] = e.IpAddress,
        ["user_agent"] = e.UserAgent,
        ["details"] = e.Details.DeepClone(),
    };

    /// <summary>An export line: the event plus its chain position and hashes, so an export can be checked offline.</summary>
    public static JsonObject ExportLine(AuditRow row)
    {
        var json = From(row.ToEvent());
        json["seq"] = row.Seq;
        json["prev_hash"] = row.PrevHash;
        json["hash"] = row.Hash;
        return json;
    }
}
