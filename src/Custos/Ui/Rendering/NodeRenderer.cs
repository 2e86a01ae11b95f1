using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Custos.Ui.Rendering;

/// <summary>
/// Renders one UI node of any type (input, img, text, a, script) from its wire JSON. Only attributes known to be safe
/// are copied; URLs must be http(s) or on this origin; inline event handlers (<c>onclick</c>) are never written, their
/// named triggers become <c>data-</c> attributes that <c>ui.js</c> wires up.
/// </summary>
internal sealed partial class NodeRenderer(UiPage page)
{
    // 1050009 "{secret}": one backup code in clear; "********" is what an unused code stored only as a MAC reads.
    private const string ClearSecretMessageId = "1050009";
    private const string HiddenSecret = "********";

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <param name="primary">Style a submit button as the form's main action.</param>
    /// <param name="noValidate">Let a submit button skip the browser's required-field checks (a method with no inputs of its own).</param>
    /// <param name="unnamed">Write a button without name and value: a hidden input of the form already sends them.</param>
    public void Render(Html h, JsonObject node, bool primary, bool noValidate, bool unnamed = false)
    {
        var attributes = node["attributes"] as JsonObject ?? [];
        switch (NodeJson.Str(node["type"]))
        {
            case "input":
                Input(h, node, attributes, primary, noValidate, unnamed);
                break;
            case "img":
                Image(h, node, attributes);
                break;
            case "text":
                TextNode(h, node, attributes);
                break;
            case "a":
                Anchor(h, attributes);
                break;
            case "script":
                Script(attributes);
                break;
        }
    }

    /// <summary>True for nodes that show nothing: hidden inputs and scripts.</summary>
    public static bool IsInvisible(JsonObject node) =>
        NodeJson.Str(node["type"]) == "script"
        || (NodeJson.Str(node["type"]) == "input" && NodeJson.Str(node["attributes"]?["type"]) == "hidden");

    public static bool IsScript(JsonObject node) => NodeJson.Str(node["type"]) == "script";

    /// <summary>A button that runs a function of the flow's script when pressed (<c>onclickTrigger</c>).</summary>
    public static bool HasClickTrigger(JsonObject node) => IsButton(node) && NodeJson.Str(node["attributes"]?["onclickTrigger"]) is not null;

    /// <summary>A social sign-in button: sign in or up with a provider, or link or unlink one in settings.</summary>
    public static bool IsProviderButton(JsonObject node) =>
        IsButton(node) && NodeJson.Str(node["group"]) == "oidc" && NodeJson.Str(node["attributes"]?["name"]) is "provider" or "link" or "unlink";

    public static bool IsButton(JsonObject node) =>
        NodeJson.Str(node["type"]) == "input" && NodeJson.Str(node["attributes"]?["type"]) is "submit" or "button";

    private void Input(Html h, JsonObject node, JsonObject a, bool primary, bool noValidate, bool unnamed)
    {
        var name = NodeJson.Str(a["name"]) ?? "";
        var type = NodeJson.Str(a["type"]) ?? "text";
        var value = NodeJson.Scalar(a["value"]);
        var disabled = Html.Flag(NodeJson.Bool(a["disabled"]));
        var label = NodeJson.Label(node);
        var messages = NodeJson.Objects(node["messages"]).ToList();
        switch (type)
        {
            case "hidden":
                // A hidden input may run a function when the page loads: the passkey autofill (conditional UI).
                Triggers(a, out _, out var onLoad);
                h.Void("input", ("type", "hidden"), ("name", name), ("value", value ?? ""), ("data-onload-trigger", onLoad));
                return;
            case "submit" or "button":
                Triggers(a, out var click, out var load);
                // Only a method's own submit needs the browser's required-field checks; "resend code", "back" or
                // "remove key" do not ask for the fields beside them (the server validates either way).
                var skipChecks = noValidate || name != "method";
                var social = IsProviderButton(node);
                h.Element("button", label ?? value ?? name,
                    ("type", type == "button" ? "button" : "submit"), ("name", unnamed ? null : name), ("value", unnamed ? null : value),
                    ("class", (primary ? "button primary" : "button secondary") + (social ? " social" : "")), ("disabled", disabled),
                    ("data-provider", social ? value : null),
                    ("formnovalidate", Html.Flag(skipChecks && type == "submit")),
                    ("data-onclick-trigger", click), ("data-onload-trigger", load));
                MessageList.Render(h, messages);
                return;
        }

        var id = NewId(name);
        var messagesId = messages.Count > 0 ? id + "-messages" : null;
        var invalid = Html.Flag(MessageList.HasError(messages));
        if (type == "checkbox")
        {
            h.Open("div", ("class", "field checkbox")).Open("label", ("for", id));
            h.Void("input", ("type", "checkbox"), ("id", id), ("name", name), ("value", "true"), ("checked", Html.Flag(value == "true")),
                ("required", Html.Flag(NodeJson.Bool(a["required"]))), ("disabled", disabled), ("aria-describedby", messagesId), ("aria-invalid", invalid is null ? null : "true"));
            h.Element("span", label ?? name).Close("label");
        }
        else
        {
            h.Open("div", ("class", "field")).Element("label", label ?? name, ("for", id));
            h.Void("input", ("type", SafeInputType(type)), ("id", id), ("name", name), ("value", type == "password" ? null : value),
                ("required", Html.Flag(NodeJson.Bool(a["required"]))), ("disabled", disabled),
                ("autocomplete", NodeJson.Str(a["autocomplete"]) ?? DefaultAutocomplete(name)), ("pattern", NodeJson.Str(a["pattern"])),
                ("maxlength", NodeJson.Int(a["maxlength"])), ("inputmode", type == "number" || name == "totp_code" ? "numeric" : null),
                ("aria-describedby", messagesId), ("aria-invalid", invalid is null ? null : "true"));
        }

        MessageList.Render(h, messages, messagesId, "messages field-messages");
        h.Close("div");
    }

    private static void Image(Html h, JsonObject node, JsonObject a)
    {
        var src = NodeJson.Str(a["src"]);
        if (src is null || !(src.StartsWith("data:image/", StringComparison.Ordinal) || IsSafeUrl(src)))
        {
            return;
        }

        h.Open("figure", ("class", "image-node"));
        h.Void("img", ("src", src), ("id", NodeJson.Str(a["id"])), ("alt", NodeJson.Label(node) ?? ""),
            ("width", NodeJson.Int(a["width"])), ("height", NodeJson.Int(a["height"])));
        if (NodeJson.Label(node) is { } caption)
        {
            h.Element("figcaption", caption);
        }

        h.Close("figure");
    }

    private static void TextNode(Html h, JsonObject node, JsonObject a)
    {
        var text = a["text"];
        h.Open("div", ("class", "text-node"), ("id", NodeJson.Str(a["id"])), ("data-message-id", NodeJson.Int(text?["id"])));
        if (NodeJson.Label(node) is { } label)
        {
            h.Element("p", label, ("class", "text-label"));
        }

        // Lookup secrets come as a list in the context; everything else is the message's text.
        var secrets = NodeJson.Objects(text?["context"]?["secrets"]).ToList();
        if (secrets.Count > 0)
        {
            h.Open("ul", ("class", "secrets"));
            foreach (var secret in secrets)
            {
                h.Open("li").Element("code", NodeJson.Text(secret)).Close("li");
            }

            h.Close("ul");
            DownloadLink(h, secrets);
        }
        else
        {
            h.Open("p").Element("code", NodeJson.Text(text)).Close("p");
        }

        h.Close("div");
    }

    /// <summary>
    /// A "Download" link for the codes that are shown in clear (1050009; used or MAC-only ones are left out): a
    /// <c>data:</c> URL with <c>download</c>, so it needs no script and the codes never leave the page.
    /// </summary>
    private static void DownloadLink(Html h, List<JsonObject> secrets)
    {
        var codes = secrets.Where(s => NodeJson.Int(s["id"]) == ClearSecretMessageId)
            .Select(s => NodeJson.Str(s["context"]?["secret"]) ?? NodeJson.Text(s))
            .Where(c => !string.IsNullOrEmpty(c) && c != HiddenSecret)
            .ToList();
        if (codes.Count == 0)
        {
            return;
        }

        var text = string.Concat(codes.Select(c => c + "\n"));
        h.Element("a", "Download", ("href", "data:text/plain;charset=utf-8," + Uri.EscapeDataString(text)),
            ("download", "backup-recovery-codes.txt"), ("class", "button secondary download"), ("data-testid", "download-codes"));
    }

    private static void Anchor(Html h, JsonObject a)
    {
        var href = NodeJson.Str(a["href"]);
        var title = NodeJson.Text(a["title"]) ?? href;
        if (href is null || !IsSafeUrl(href))
        {
            h.Element("p", title);
            return;
        }

        h.Element("a", title, ("href", href), ("id", NodeJson.Str(a["id"])), ("class", "button secondary"));
    }

    private void Script(JsonObject a)
    {
        var src = NodeJson.Str(a["src"]);
        var type = NodeJson.Str(a["type"]) ?? "text/javascript";
        if (src is null || !IsSafeUrl(src) || type is not ("text/javascript" or "module" or ""))
        {
            return;
        }

        var nonce = NodeJson.Str(a["nonce"]);
        if (!string.IsNullOrEmpty(nonce))
        {
            page.ScriptNonces.Add(nonce);
        }

        page.Scripts.Element("script", null, ("src", src), ("type", type.Length == 0 ? null : type), ("id", NodeJson.Str(a["id"])),
            ("async", Html.Flag(NodeJson.Bool(a["async"]))), ("integrity", NodeJson.Str(a["integrity"])),
            ("crossorigin", NodeJson.Str(a["crossorigin"])), ("referrerpolicy", NodeJson.Str(a["referrerpolicy"])), ("nonce", nonce));
    }

    private void Triggers(JsonObject a, out string? click, out string? load)
    {
        click = NodeJson.Str(a["onclickTrigger"]) is { } c && TriggerName().IsMatch(c) ? c : null;
        load = NodeJson.Str(a["onloadTrigger"]) is { } l && TriggerName().IsMatch(l) ? l : null;
        page.NeedsTriggers |= click is not null || load is not null;
    }

    private string NewId(string name)
    {
        var slug = "field-" + Regex.Replace(name, "[^A-Za-z0-9_-]", "-");
        var id = slug;
        for (var i = 2; !_ids.Add(id); i++)
        {
            id = slug + "-" + i;
        }

        return id;
    }

    /// <summary>Kratos sends no autocomplete for these; the browser's one-time-code autofill and password managers want one.</summary>
    private static string? DefaultAutocomplete(string name) => name switch
    {
        "identifier" => "username",
        "totp_code" => "one-time-code",
        _ => null,
    };

    /// <summary>Kratos's input types map to HTML ones; anything unexpected falls back to text.</summary>
    private static string SafeInputType(string type) =>
        type is "text" or "email" or "password" or "number" or "tel" or "url" or "date" or "datetime-local" or "time" ? type : "text";

    /// <summary>http(s) URLs and paths on this origin; never <c>javascript:</c>, <c>data:</c> or protocol-relative ones.</summary>
    internal static bool IsSafeUrl(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal));

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]{0,63}$")]
    private static partial Regex TriggerName();
}
