using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Identity;

/// <summary>Strict reading of admin request bodies: unknown fields and wrong types are 400s, as with Kratos's strict decoder.</summary>
internal static class BodyReader
{
    public static JsonObject Object(JsonNode? node, string what) =>
        node as JsonObject ?? throw KratosErrors.BadRequest($"{what} must be a JSON object.");

    public static void RejectUnknown(JsonObject body, IReadOnlySet<string> allowed, string path = "")
    {
        foreach (var (key, _) in body)
        {
            if (!allowed.Contains(key))
            {
                throw KratosErrors.BadRequest($"json: unknown field \"{path}{key}\"");
            }
        }
    }

    public static string? String(JsonObject body, string key, string path = "")
    {
        var node = body[key];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw KratosErrors.BadRequest($"json: field \"{path}{key}\" must be a string");
    }

    public static bool? Bool(JsonObject body, string key, string path = "")
    {
        var node = body[key];
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            _ => throw KratosErrors.BadRequest($"json: field \"{path}{key}\" must be a boolean"),
        };
    }

    public static Guid? Uuid(JsonObject body, string key, string path = "")
    {
        var s = String(body, key, path);
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        return Guid.TryParse(s, out var g) ? g : throw KratosErrors.BadRequest($"json: field \"{path}{key}\" must be a UUID");
    }

    public static DateTime? Time(JsonObject body, string key, string path = "")
    {
        var s = String(body, key, path);
        if (string.IsNullOrEmpty(s))
        {
            return null;
        }

        return DateTime.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
            : throw KratosErrors.BadRequest($"json: field \"{path}{key}\" must be an RFC 3339 time");
    }

    public static JsonArray? Array(JsonObject body, string key, string path = "") => body[key] switch
    {
        null => null,
        JsonArray a => a,
        _ => throw KratosErrors.BadRequest($"json: field \"{path}{key}\" must be an array"),
    };
}
