using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>
/// The order Kratos gives a flow's nodes when the flow is created and when a flow error is rendered (strategies
/// contract §0.2): SDK UIs render <c>ui.nodes</c> in array order. First a stable sort by <see cref="Groups"/> rank (a
/// group not listed ranks before all listed ones); then, within a group (with <c>default</c> and <c>password</c> compared
/// as one group), by the position of the first of <see cref="Keys"/> that is a prefix of the node's name (names matching
/// none come after all keys, a node named <c>method</c> last of all), ties broken by the string form of the value as Go
/// prints it, except in <see cref="StableGroups"/>, which keep their order.
/// </summary>
internal sealed record NodeOrder(IReadOnlyList<string> Groups, IReadOnlyList<string> Keys, IReadOnlyList<string> StableGroups)
{
    /// <summary>Login: no schema keys.</summary>
    public static NodeOrder Login { get; } = new(
        [UiNodeGroup.Oidc, UiNodeGroup.Default, UiNodeGroup.WebAuthn, UiNodeGroup.Passkey, UiNodeGroup.Code, UiNodeGroup.Password, UiNodeGroup.Totp, UiNodeGroup.LookupSecret],
        ["csrf_token", "identifier", "password"],
        []);

    /// <summary>Registration: <c>csrf_token</c>, the first schema key, <c>password</c>, the other schema keys, then WebAuthn's.</summary>
    public static NodeOrder Registration(IReadOnlyList<string> schemaKeys) => new(
        [UiNodeGroup.Oidc, "saml", UiNodeGroup.Default, UiNodeGroup.WebAuthn, UiNodeGroup.Passkey, UiNodeGroup.Code, UiNodeGroup.Password, "captcha", UiNodeGroup.Profile],
        [.. PasswordFirst(schemaKeys), "webauthn_remove", "webauthn_register_displayname", "webauthn_register"],
        []);

    /// <summary>Settings: the schema keys, then the second factors' keys in the order their forms read.</summary>
    public static NodeOrder Settings(IReadOnlyList<string> schemaKeys) => new(
        [UiNodeGroup.Default, UiNodeGroup.Profile, UiNodeGroup.Password, UiNodeGroup.Oidc, UiNodeGroup.LookupSecret, UiNodeGroup.WebAuthn, UiNodeGroup.Passkey, UiNodeGroup.Totp],
        [
            .. schemaKeys,
            "lookup_secret_reveal", "lookup_secret_regenerate", "lookup_secret_codes", "lookup_secret_confirm",
            "webauthn_remove", "webauthn_register_displayname", "webauthn_register",
            "passkey_remove", "passkey_register",
            "totp_qr", "totp_secret_key", "totp_unlink", "totp_code",
        ],
        // Device authentication nodes differ only by an opaque value; Kratos keeps the order they were added in.
        ["deviceauthn"]);

    /// <summary>Sorts <paramref name="nodes"/> in place.</summary>
    public void Sort(List<UiNode> nodes)
    {
        var count = nodes.Count;
        GoStableSort.Sort(nodes, (a, b) => GroupRank(a.Group) < GroupRank(b.Group));
        GoStableSort.Sort(nodes, (a, b) =>
        {
            if (!(a.Group == b.Group || IsDefaultAndPassword(a.Group, b.Group)))
            {
                return false;
            }

            var (pa, pb) = (KeyPosition(a, count), KeyPosition(b, count));
            if (pa != pb)
            {
                return pa < pb;
            }

            if (a.Group == b.Group && StableGroups.Contains(a.Group))
            {
                return false;
            }

            return CompareUtf8(GoValueText(a), GoValueText(b)) < 0;
        });
    }

    private int GroupRank(string group)
    {
        for (var i = 0; i < Groups.Count; i++)
        {
            if (Groups[i] == group)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsDefaultAndPassword(string a, string b) =>
        (a == UiNodeGroup.Default && b == UiNodeGroup.Password) || (a == UiNodeGroup.Password && b == UiNodeGroup.Default);

    private int KeyPosition(UiNode node, int nodeCount)
    {
        var name = node.Key;
        if (name == "method")
        {
            return nodeCount + Keys.Count + 1;
        }

        for (var i = 0; i < Keys.Count; i++)
        {
            if (name.StartsWith(Keys[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return Keys.Count;
    }

    // Kratos's registration order puts the password right after the first trait (the identifier, usually).
    private static IEnumerable<string> PasswordFirst(IReadOnlyList<string> schemaKeys) => schemaKeys.Count switch
    {
        0 => ["csrf_token", "password"],
        _ => ["csrf_token", schemaKeys[0], "password", .. schemaKeys.Skip(1)],
    };

    // Go compares strings byte by byte in UTF-8; UTF-16 order differs above the surrogate range.
    private static int CompareUtf8(string a, string b) =>
        Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b));

    /// <summary>
    /// The node's value as Go's <c>fmt.Sprintf("%v")</c> prints it: an input's <c>value</c> (absent: <c>&lt;nil&gt;</c>),
    /// an image's or script's <c>src</c>, an anchor's <c>href</c>, a text node's message as the struct it is in Kratos.
    /// Numbers print as their JSON text, which is Go's form except for exponents.
    /// </summary>
    internal static string GoValueText(UiNode node) => node.Type switch
    {
        "input" => GoText(node.Attributes["value"]),
        "img" or "script" => GoText(node.Attributes["src"]),
        "a" => GoText(node.Attributes["href"]),
        "text" => node.Attributes["text"] is JsonObject text
            ? $"&{{{GoText(text["id"])} {GoText(text["text"])} {GoText(text["type"])}}}"
            : "<nil>",
        _ => "<nil>",
    };

    private static string GoText(JsonNode? value) => value switch
    {
        null => "<nil>",
        JsonArray array => "[" + string.Join(' ', array.Select(GoText)) + "]",
        JsonObject o => "map[" + string.Join(' ', o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + GoText(p.Value))) + "]",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "<nil>",
            _ => v.ToJsonString(),
        },
        _ => "<nil>",
    };
}
