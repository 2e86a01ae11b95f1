using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Custos.Config.View;

/// <summary>
/// Replaces every secret in a configuration tree with <c>"&lt;redacted&gt;"</c> for <c>GET /admin/config</c>. It errs on the
/// side of hiding: any string under a member whose name says password, secret, key, token or private (so
/// <c>secrets.*</c>, OIDC <c>client_secret</c>/<c>apple_private_key</c>, basic-auth passwords, DKIM keys), the
/// <c>value</c> of any <c>auth</c> block (web hook and courier API keys), every header value (a header may carry a bearer
/// token), and, in any string at all, the password of a URL's user info (DSN, SMTP <c>connection_uri</c>), query
/// parameters with such names and <c>password=</c> pairs of key-value DSNs. Booleans and numbers stay (for example
/// <c>api_key_required</c>, <c>key_length</c>): they are settings, not secrets.
/// </summary>
internal static partial class ConfigRedactor
{
    public const string Redacted = "<redacted>";

    private static readonly HashSet<string> SecretWords = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "pass", "secret", "secrets", "key", "keys", "token", "tokens", "private", "apikey", "credentials",
    };

    /// <summary>Redacts <paramref name="node"/> in place and returns it.</summary>
    public static JsonNode Redact(JsonNode node)
    {
        Walk(node, secret: false, inAuth: false);
        return node;
    }

    private static void Walk(JsonNode? node, bool secret, bool inAuth)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(m => m.Key).ToList())
                {
                    var child = obj[name];
                    if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[name] = RedactString(value.GetValue<string>(), secret || IsSecretName(name) || (inAuth && name == "value"));
                    }
                    else
                    {
                        var lower = name.ToLowerInvariant();
                        Walk(child, secret || IsSecretName(name) || lower == "headers", inAuth || lower == "auth");
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        array[i] = RedactString(value.GetValue<string>(), secret);
                    }
                    else
                    {
                        Walk(array[i], secret, inAuth);
                    }
                }

                break;
        }
    }

    /// <summary>A name is secret when one of its words is; a <c>*_url</c>/<c>*_uri</c> name only has its URL's secrets hidden.</summary>
    private static bool IsSecretName(string name)
    {
        var words = name.ToLowerInvariant().Split('_', '-', '.', ' ');
        if (words[^1] is "url" or "uri" or "urls")
        {
            return false;
        }

        return words.Any(SecretWords.Contains) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
            || name.Contains("password", StringComparison.OrdinalIgnoreCase);
    }

    private static JsonValue RedactString(string text, bool secret)
    {
        if (secret)
        {
            return JsonValue.Create(Redacted);
        }

        var redacted = UserInfoPassword().Replace(text, m => m.Groups["prefix"].Value + Redacted + "@");
        redacted = SecretPair().Replace(redacted, m => m.Groups["name"].Value + "=" + Redacted);
        return JsonValue.Create(redacted);
    }

    // scheme://user:password@host — the password part, up to the last '@' before the host.
    [GeneratedRegex(@"(?<prefix>[a-zA-Z][a-zA-Z0-9+.\-]*://[^/?#@:\s]*:)[^\s/?#]*@", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UserInfoPassword();

    // password=…, secret=…, token=…, api_key=… in a query string or a key-value DSN.
    [GeneratedRegex(@"(?<name>\b[a-zA-Z_\-]*(?:password|passwd|pwd|secret|token|api[_\-]?key|access[_\-]?key)[a-zA-Z_\-]*)=[^&;\s]*",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 1000)]
    private static partial Regex SecretPair();
}
