using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Sessions;

/// <summary>
/// The JSON of an AMR entry, the same in the <c>authentication_methods</c> column and on the wire:
/// <c>method</c>, <c>aal</c>, <c>completed_at</c>, then <c>provider</c>, <c>organization</c>, <c>upstream_acr</c> and
/// <c>upstream_amr</c> only when set (Kratos tags the last four <c>omitempty</c>).
/// </summary>
internal static class AuthenticationMethodJson
{
    public static JsonObject Write(AuthenticationMethod m)
    {
        var o = new JsonObject { ["method"] = m.Method, ["aal"] = m.Aal, ["completed_at"] = KratosTime.Format(m.CompletedAt) };
        if (!string.IsNullOrEmpty(m.Provider))
        {
            o["provider"] = m.Provider;
        }

        if (!string.IsNullOrEmpty(m.Organization))
        {
            o["organization"] = m.Organization;
        }

        if (!string.IsNullOrEmpty(m.UpstreamAcr))
        {
            o["upstream_acr"] = m.UpstreamAcr;
        }

        if (m.UpstreamAmr is { Count: > 0 } amr)
        {
            o["upstream_amr"] = new JsonArray(amr.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        return o;
    }

    public static string WriteAll(IEnumerable<AuthenticationMethod> methods) =>
        new JsonArray(methods.Select(m => (JsonNode?)Write(m)).ToArray()).ToJsonString();

    /// <summary>The entries of a stored array; entries that are not objects are skipped, missing strings read as empty.</summary>
    public static List<AuthenticationMethod> ReadAll(string json) =>
        (JsonNode.Parse(json) as JsonArray ?? []).OfType<JsonObject>().Select(Read).ToList();

    private static AuthenticationMethod Read(JsonObject o) => new(
        Str(o, "method") ?? "",
        Str(o, "aal") ?? "",
        Str(o, "completed_at") is { Length: > 0 } at
            ? DateTime.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : default,
        Str(o, "provider"),
        Str(o, "organization"),
        Str(o, "upstream_acr"),
        o["upstream_amr"] is JsonArray amr ? amr.Select(v => v is JsonValue s && s.TryGetValue<string>(out var text) ? text : "").ToList() : null);

    private static string? Str(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
