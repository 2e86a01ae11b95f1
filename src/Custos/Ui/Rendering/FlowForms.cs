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

    private const string PasswordGroup = "password";

    private const string OidcGroup = "oidc";

    /// <param name="captions">
    /// Captions of method groups in the one-form layout ("Email me a code"), shown when the form offers more than one
    /// method; a group without one gets none.
    /// </param>
    public static void Render(Html h, JsonObject flow, NodeRenderer renderer, bool formPerGroup, IReadOnlyDictionary<string, string>? captions = null)
    {
        var ui = flow["ui"] as JsonObject ?? [];
        MessageList.Render(h, NodeJson.Objects(ui["messages"]).ToList(), "flow-messages");
        var action = NodeJson.Str(ui["action"]);
        if (action is null || !NodeRenderer.IsSafeUrl(action))
        {
            return;
        }

        var method = string.Equals(NodeJson.Str(ui["method"]), "GET", StringComparison.OrdinalIgnoreCase) ? "get" : "post";
        var all = NodeJson.Objects(ui["nodes"]).ToList();
        // Script nodes (webauthn.js) belong to the page, not to a form: both WebAuthn methods add the same one, in group
        // `webauthn`, which may have nothing else to show (passkeys only) and must not become an empty section.
        foreach (var script in all.Where(NodeRenderer.IsScript).DistinctBy(n => NodeJson.Str(n["attributes"]?["src"])))
        {
            renderer.Render(h, script, primary: false, noValidate: false);
        }

        var nodes = all.Where(n => !NodeRenderer.IsScript(n)).ToList();
        var groups = nodes.Select(Group).Where(g => g != DefaultGroup).Distinct(StringComparer.Ordinal).ToList();
        if (!formPerGroup)
        {
            // The API lists login and registration groups in Kratos's order, `oidc` first and `code` before `password`;
            // a person reads the password form as the main one, so the page shows it first, the other methods below it
            // and the social sign-in buttons last, after an "or".
            groups = groups.OrderBy(g => g == PasswordGroup ? 0 : g == OidcGroup ? 2 : 1).ToList();
        }

        var shared = nodes.Where(n => Group(n) == DefaultGroup).ToList();
        var form = new FormTarget(action, method);
        if (formPerGroup && groups.Count > 0)
        {
            Sections(h, renderer, form, nodes, groups, shared);
        }
        else if (Offered(nodes, groups) > 1 && shared.All(NodeRenderer.IsInvisible))
        {
            // Methods that share no visible field (the second-factor page: app code or backup code) get a form each, so
            // the browser checks only the pressed method's required field and Enter submits the method being typed in.
            MethodForms(h, renderer, form, nodes, groups, shared, captions);
        }
        else
        {
            OneForm(h, renderer, form, nodes, groups, shared, captions);
        }
    }

    private static void OneForm(Html h, NodeRenderer renderer, FormTarget form, List<JsonObject> nodes, List<string> groups,
        List<JsonObject> shared, IReadOnlyDictionary<string, string>? captions)
    {
        h.Open("form", ("action", form.Action), ("method", form.Method), ("class", "flow-form"));
        HiddenMessages(h, nodes);
        var carried = HiddenPairs(nodes);
        // Only the first method's button is the page's main action; the alternatives below it are secondary.
        var primaryDone = Nodes(h, renderer, shared, noValidate: false, carried, primaryDone: false);
        var offered = Offered(nodes, groups);
        foreach (var group in groups)
        {
            OpenGroup(h, group, offered, captions);
            primaryDone = Nodes(h, renderer, nodes.Where(n => Group(n) == group).ToList(), NoValidate(nodes, group), carried, primaryDone);
            h.Close("div");
        }

        h.Close("form");
    }

    private static void MethodForms(Html h, NodeRenderer renderer, FormTarget form, List<JsonObject> nodes, List<string> groups,
        List<JsonObject> shared, IReadOnlyDictionary<string, string>? captions)
    {
        // Groups of hidden inputs only (an identifier carried from an earlier step) travel with every method's form.
        var carried = shared.Concat(nodes.Where(n => Group(n) != DefaultGroup && !IsOffered(nodes, Group(n)))).ToList();
        HiddenMessages(h, carried);
        var offered = Offered(nodes, groups);
        var primaryDone = false;
        foreach (var group in groups.Where(g => IsOffered(nodes, g)))
        {
            var own = nodes.Where(n => Group(n) == group).ToList();
            var members = carried.Concat(own).ToList();
            OpenGroup(h, group, offered, captions);
            h.Open("form", ("action", form.Action), ("method", form.Method), ("class", "flow-form"));
            HiddenMessages(h, own);
            primaryDone = Nodes(h, renderer, members, NoValidate(nodes, group), HiddenPairs(members), primaryDone);
            h.Close("form").Close("div");
        }
    }

    private static void Sections(Html h, NodeRenderer renderer, FormTarget form, List<JsonObject> nodes, List<string> groups, List<JsonObject> shared)
    {
        var sharedVisible = shared.Where(n => !NodeRenderer.IsInvisible(n)).ToList();
        foreach (var group in groups)
        {
            var headingId = "group-" + CssName(group) + "-title";
            var own = nodes.Where(n => Group(n) == group).ToList();
            h.Open("section", ("class", "group group-" + CssName(group)), ("data-group", group), ("aria-labelledby", headingId));
            h.Element("h2", GroupTitle(group), ("id", headingId));
            h.Open("form", ("action", form.Action), ("method", form.Method), ("class", "flow-form"));
            HiddenMessages(h, own);
            var members = shared.Where(NodeRenderer.IsInvisible).Concat(group == groups[0] ? sharedVisible : []).Concat(own).ToList();
            Nodes(h, renderer, members, NoValidate(nodes, group), HiddenPairs(members), primaryDone: false);
            h.Close("form").Close("section");
        }
    }

    /// <summary>Opens a method's block, captioned when the page offers more than one method.</summary>
    private static void OpenGroup(Html h, string group, int offered, IReadOnlyDictionary<string, string>? captions)
    {
        h.Open("div", ("class", "group group-" + CssName(group)), ("data-group", group));
        if (offered > 1 && group == OidcGroup)
        {
            // The provider buttons say what they do ("Sign in with GitHub"); the divider only sets them apart.
            h.Open("p", ("class", "divider"), ("role", "separator")).Element("span", "or").Close("p");
        }
        else if (offered > 1 && captions is not null && captions.TryGetValue(group, out var caption))
        {
            h.Element("p", caption, ("class", "group-caption"));
        }
    }

    /// <summary>How many methods show something (a group of hidden inputs only offers nothing).</summary>
    private static int Offered(List<JsonObject> nodes, List<string> groups) => groups.Count(g => IsOffered(nodes, g));

    private static bool IsOffered(List<JsonObject> nodes, string group) => nodes.Any(n => Group(n) == group && !NodeRenderer.IsInvisible(n));

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

    /// <returns>Whether a primary button has been written, by these nodes or before them.</returns>
    private static bool Nodes(Html h, NodeRenderer renderer, List<JsonObject> nodes, bool noValidate, HashSet<(string, string)> carried, bool primaryDone)
    {
        // A WebAuthn trigger ("Add security key") is its method's main action even though Kratos lists the remove
        // buttons of the keys already added before it; otherwise the first submit is.
        var main = primaryDone ? null : nodes.FirstOrDefault(NodeRenderer.HasClickTrigger)
            ?? nodes.FirstOrDefault(n => NodeRenderer.IsButton(n) && NodeJson.Str(n["attributes"]?["type"]) == "submit");
        foreach (var node in nodes)
        {
            var primary = ReferenceEquals(node, main);
            primaryDone |= primary;
            renderer.Render(h, node, primary, noValidate, unnamed: NodeRenderer.IsButton(node) && carried.Contains(NameValue(node)));
        }

        return primaryDone;
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

    private sealed record FormTarget(string Action, string Method);

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex NonCss();
}
