using System.Text.Json.Nodes;

namespace Custos.Audit;

/// <summary>
/// Defence in depth for <see cref="AuditEntry.Details"/>: callers must never put a secret there, but an event that
/// slipped one in would keep it forever (the log is append-only and exported), so the log drops such keys and values
/// before they are stored and hashed.
/// </summary>
internal static class AuditDetailsScrubber
{
    // A key is secret when its last word (snake_case, kebab-case or camelCase) names a secret: "password",
    // "new_password", "password_hash", "totp_secret", "session_token", "code", "recovery_code".
    private static readonly HashSet<string> SecretWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "passphrase", "secret", "secrets", "token", "tokens", "hash", "hashes", "code", "codes",
        "cookie", "cookies", "otp", "pin", "privatekey", "apikey",
    };

    // Words that end in a secret word yet name a fact, not a secret.
    private static readonly HashSet<string> AllowedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "reason_code", "error_code", "status_code", "message_code",
    };

    // Values that are secrets whatever key holds them: Custos/Kratos tokens and keys, and password hashes.
    private static readonly string[] SecretPrefixes =
    [
        "ory_st_", "ory_ac_", "ory_rt_", "ory_pat_", "custos_ak_", "whsec_", "$argon2", "$2a$", "$2b$", "$2y$", "$pbkdf2", "$scrypt", "$sha",
        "$1$", "$5$", "$6$",
    ];

    /// <summary>A copy of <paramref name="details"/> without secret keys or values; <paramref name="removed"/> names what was dropped.</summary>
    public static JsonObject Scrub(JsonObject? details, out IReadOnlyList<string> removed)
    {
        var dropped = new List<string>();
        var copy = details is null ? [] : (JsonObject)ScrubNode(details, "", dropped)!;
        removed = dropped;
        return copy;
    }

    public static bool IsSecretKey(string key)
    {
        if (AllowedKeys.Contains(key))
        {
            return false;
        }

        var words = Words(key);
        return words.Count > 0 && (SecretWords.Contains(words[^1]) || (words.Count > 1 && SecretWords.Contains(words[^2] + words[^1])));
    }

    public static bool IsSecretValue(string value) =>
        SecretPrefixes.Any(p => value.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static JsonNode? ScrubNode(JsonNode? node, string path, List<string> dropped)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    if (IsSecretKey(key) || IsSecretString(value))
                    {
                        dropped.Add(childPath);
                        continue;
                    }

                    copy[key] = ScrubNode(value, childPath, dropped);
                }

                return copy;
            case JsonArray array:
                var items = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (IsSecretString(array[i]))
                    {
                        dropped.Add($"{path}[{i}]");
                        continue;
                    }

                    items.Add(ScrubNode(array[i], $"{path}[{i}]", dropped));
                }

                return items;
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsSecretString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && IsSecretValue(text);

    private static List<string> Words(string key)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '_' or '-' or '.' or ' ')
            {
                Flush();
                continue;
            }

            if (char.IsUpper(c) && current.Length > 0 && !char.IsUpper(key[i - 1]))
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(c));
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
