using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary>Reads credential configs without throwing on a wrong JSON kind: a value of the wrong shape reads as absent.</summary>
internal static class CredentialConfig
{
    public static string? String(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonObject? o, string key) =>
        o?[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public static JsonArray? Array(JsonObject? o, string key) => o?[key] as JsonArray;

    /// <summary>Kratos's <c>len(strings.Join(identifiers, "")) &gt; 0</c>: at least one non-empty identifier.</summary>
    public static bool HasIdentifier(Credentials credential) => credential.Identifiers.Any(i => i.Length > 0);
}
