using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Custos.Ui.Rendering;

/// <summary>
/// Lays out a flow's <c>ui</c> generically, grouped by node <c>group</c>: the flow's messages, then either one form
/// with a section per method (login, registration, recovery, verification: the pressed <c>method</c> button decides)
/// or one form per method (settings, where profile, password, TOTP, ... are saved independently). Methods added
/// later (code, TOTP, WebAuthn, OIDC) appear without page code.
/// </summary>
internal static partial class FlowForms
{
    public const string DefaultGroup = "default";

    public static void Render(Html h, JsonObject flow, NodeRenderer renderer, bool formPerGroup)
    {
        var ui = flow["ui"] as JsonObject ?? [];
        MessageList.Render(h, NodeJson.Objects(ui["messages"]).ToList(), "flow-messages");
        var action = NodeJson.Str(ui["action"]);
        if (action is null || !NodeRenderer.IsSafeUrl(action))
        {
            return;
        }

        var method = string.Equals(NodeJson.Str(ui["method"]), "GET", StringComparison.OrdinalIgnoreCase) ? "get" : "post";
        var nodes = NodeJson.Objects(ui["nodes"]).ToList();
        var groups = nodes.Select(Group).Where(g => g != DefaultGroup).Distinct(StringComparer.Ordinal).ToList();
        var shared = nodes.Where(n => Group(n) == DefaultGroup).ToList();
        if (!formPerGroup || groups.Count == 0)
        {
            h.Open("form", ("action", action), ("method", method), ("class", "flow-form"));
            HiddenMessages(h, nodes);
            var carried = HiddenPairs(nodes);
            Nodes(h, renderer, shared, noValidate: false, carried);
            foreach (var group in groups)
            {
                h.Open("div", ("class", "group group-" + CssName(group)), ("data-group", group));
                Nodes(h, renderer, nodes.Where(n => Group(n) == group).ToList(), NoValidate(nodes, group), carried);
                h.Close("div");
            }

            h.Close("form");
            return;
        }

        var sharedVisible = shared.Where(n => !NodeRenderer.IsInvisible(n)).ToList();
        foreach (var group in groups)
        {
            var headingId = "group-" + CssName(group) + "-title";
            var own = nodes.Where(n => Group(n) == group).ToList();
            h.Open("section", ("class", "group group-" + CssName(group)), ("data-group", group), ("aria-labelledby", headingId));
            h.Element("h2", GroupTitle(group), ("id", headingId));
            h.Open("form", ("action", action), ("method", method), ("class", "flow-form"));
            HiddenMessages(h, own);
            var members = shared.Where(NodeRenderer.IsInvisible).Concat(group == groups[0] ? sharedVisible : []).Concat(own).ToList();
            Nodes(h, renderer, members, NoValidate(nodes, group), HiddenPairs(members));
            h.Close("form").Close("section");
        }
    }

    /// <summary>A readable heading for a method group; unknown groups get their name.</summary>
    public static string GroupTitle(string group) => group switch
    {
        "profile" => "Profile",
        "password" => "Password",
        "oidc" => "Connected accounts",
        "totp" => "Authenticator app",
        "lookup_secret" => "Backup recovery codes",
        "webauthn" => "Security keys",
        "passkey" => "Passkeys",
        "code" => "One-time code",
        "link" => "Email link",
        "" => "Other",
        _ => char.ToUpperInvariant(group[0]) + group[1..].Replace('_', ' '),
    };

    private static void Nodes(Html h, NodeRenderer renderer, List<JsonObject> nodes, bool noValidate, HashSet<(string, string)> carried)
    {
        var primaryDone = false;
        foreach (var node in nodes)
        {
            var primary = !primaryDone && NodeRenderer.IsButton(node) && NodeJson.Str(node["attributes"]?["type"]) == "submit";
            primaryDone |= primary;
            renderer.Render(h, node, primary, noValidate, unnamed: NodeRenderer.IsButton(node) && carried.Contains(NameValue(node)));
        }
    }

    /// <summary>
    /// The name/value pairs the form's hidden inputs always send. Kratos's code method has both a hidden
    /// <c>method=code</c> and a <c>method=code</c> submit button; a button repeating a hidden pair is written without a
    /// name, so the browser sends the field once (a repeated field would reach the API as a list).
    /// </summary>
    private static HashSet<(string, string)> HiddenPairs(List<JsonObject> nodes) =>
        nodes.Where(n => NodeJson.Str(n["type"]) == "input" && NodeJson.Str(n["attributes"]?["type"]) == "hidden").Select(NameValue).ToHashSet();

    private static (string, string) NameValue(JsonObject node) =>
        (NodeJson.Str(node["attributes"]?["name"]) ?? "", NodeJson.Scalar(node["attributes"]?["value"]) ?? "");

    /// <summary>Messages attached to hidden inputs would be invisible; they are shown at the top of the form.</summary>
    private static void HiddenMessages(Html h, List<JsonObject> nodes) =>
        MessageList.Render(h, nodes.Where(NodeRenderer.IsInvisible).SelectMany(n => NodeJson.Objects(n["messages"])).ToList());

    /// <summary>
    /// A method whose group has no visible inputs of its own (an OIDC provider button, "back", "resend code") is
    /// submitted without the browser insisting on other methods' required fields; the server validates anyway.
    /// </summary>
    private static bool NoValidate(List<JsonObject> nodes, string group) =>
        !nodes.Any(n => Group(n) == group && NodeJson.Str(n["type"]) == "input" && !NodeRenderer.IsInvisible(n) && !NodeRenderer.IsButton(n));

    private static string Group(JsonObject node) => NodeJson.Str(node["group"]) ?? DefaultGroup;

    private static string CssName(string group) => NonCss().Replace(group.ToLowerInvariant(), "-");

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NonCss();
}
