using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Courier.Templates;

/// <summary>
/// The template data of a message in its two shapes: keyed by Kratos's Go field names (<c>VerificationURL</c>, what
/// templates reference) and keyed by the model's JSON names (<c>verification_url</c>, what Kratos stores in
/// <c>courier_messages.template_data</c> and hands to the HTTP channel's Jsonnet as <c>ctx.template_data</c>).
/// </summary>
internal static class TemplateModel
{
    // The Go field names whose JSON names do not follow from a plain PascalCase split (acronyms, OAuth2).
    private static readonly Dictionary<string, string> JsonNames = new(StringComparer.Ordinal)
    {
        ["To"] = "to",
        ["VerificationURL"] = "verification_url",
        ["VerificationCode"] = "verification_code",
        ["RecoveryURL"] = "recovery_url",
        ["RecoveryCode"] = "recovery_code",
        ["LoginCode"] = "login_code",
        ["RegistrationCode"] = "registration_code",
        ["Identity"] = "identity",
        ["Traits"] = "traits",
        ["RequestURL"] = "request_url",
        ["RequestURLDomain"] = "request_url_domain",
        ["TransientPayload"] = "transient_payload",
        ["ExpiresInMinutes"] = "expires_in_minutes",
        ["OAuth2LoginRequest"] = "oauth2_login_request",
    };

    /// <summary>The data as plain CLR values (dictionaries, lists, strings, numbers) for Handlebars.</summary>
    public static Dictionary<string, object?> ForRendering(JsonObject data)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in data)
        {
            result[key] = ToClr(value);
        }

        return result;
    }

    /// <summary>
    /// The data keyed by JSON names, as Kratos serialises its template models. SMS recovery codes travel as
    /// <c>verification_code</c>: Kratos's SMS recovery model carries that JSON tag.
    /// </summary>
    public static JsonObject ToKratosJson(JsonObject data, bool sms)
    {
        var result = new JsonObject();
        foreach (var (key, value) in data)
        {
            var name = sms && key == "RecoveryCode" ? "verification_code" : JsonName(key);
            result[name] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>The JSON name of a Go field name: the table above, else snake_case of the PascalCase name.</summary>
    public static string JsonName(string key)
    {
        if (JsonNames.TryGetValue(key, out var known))
        {
            return known;
        }

        var builder = new StringBuilder(key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(key[i - 1]) || (i + 1 < key.Length && char.IsLower(key[i + 1]) && char.IsUpper(key[i - 1])));
            if (boundary)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static object? ToClr(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToClr(p.Value), StringComparer.Ordinal),
        JsonArray a => a.Select(ToClr).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => Number(v),
            _ => null,
        },
        _ => null,
    };

    // Integers render without a decimal point ("15 minutes"), other numbers in invariant culture.
    private static object Number(JsonValue value)
    {
        if (value.TryGetValue<long>(out var whole))
        {
            return whole;
        }

        if (value.TryGetValue<int>(out var small))
        {
            return (long)small;
        }

        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
