using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Admin.Keys;

/// <summary>The JSON of a key in the admin API and the CLI; the secret only when it was just created.</summary>
internal static class AdminKeyJson
{
    public static JsonObject Of(AdminApiKey key, string? secret = null)
    {
        var json = new JsonObject
        {
            ["id"] = key.Id.ToString("D"),
            ["name"] = key.Name,
            ["scopes"] = new JsonArray(key.Scopes.Order(StringComparer.Ordinal).Select(s => (JsonNode)s).ToArray()),
            ["created_at"] = KratosTime.Format(key.CreatedAt),
            ["expires_at"] = key.ExpiresAt is { } e ? KratosTime.Format(e) : null,
            ["last_used_at"] = key.LastUsedAt is { } u ? KratosTime.Format(u) : null,
        };
        if (secret is not null)
        {
            json["key"] = secret;
        }

        return json;
    }
}
