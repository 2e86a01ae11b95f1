using Custos.Identity;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// The <c>lookup_secret</c> group's nodes with Kratos's names, attributes and labels. Settings nodes are submit
/// buttons with value <c>"true"</c>; the codes are one text node whose message lists them.
/// </summary>
internal static class LookupSecretNodes
{
    public const string LoginCodeName = "lookup_secret";
    public const string RevealName = "lookup_secret_reveal";
    public const string RegenerateName = "lookup_secret_regenerate";
    public const string ConfirmName = "lookup_secret_confirm";
    public const string DisableName = "lookup_secret_disable";
    public const string CodesId = "lookup_secret_codes";

    private static readonly HashSet<string> SettingsNames = [RevealName, RegenerateName, ConfirmName, DisableName, CodesId];

    public static UiNode LoginCode() => UiNode.Input(UiNodeGroup.LookupSecret, LoginCodeName, "text", value: "", required: true,
        label: Messages.InfoLoginLookupLabel());

    public static UiNode LoginSubmit() => UiNode.Input(UiNodeGroup.LookupSecret, "method", "submit", value: CredentialTypes.LookupSecret,
        label: Messages.InfoLoginLookup());

    /// <summary>Adds the code input (replacing one left from an earlier render) and the submit button to an aal2 login.</summary>
    public static void PopulateLogin(UiContainer ui)
    {
        ui.Upsert(LoginCode());
        ui.Nodes.Add(LoginSubmit());
    }

    /// <summary>Empties the code input after a failed login, as Kratos does.</summary>
    public static void ResetLoginCode(UiContainer ui)
    {
        if (ui.Nodes.FirstOrDefault(n => n.Group == UiNodeGroup.LookupSecret && n.Key == LoginCodeName) is { } node)
        {
            node.Value = "";
        }
    }

    public static UiNode Reveal() => Button(RevealName, Messages.InfoSelfServiceSettingsRevealLookup());

    public static UiNode Regenerate() => Button(RegenerateName, Messages.InfoSelfServiceSettingsRegenerateLookup());

    public static UiNode Confirm() => Button(ConfirmName, Messages.InfoSelfServiceSettingsLookupConfirm());

    public static UiNode Disable() => Button(DisableName, Messages.InfoSelfServiceSettingsDisableLookup());

    /// <summary>
    /// The text node listing codes: 1050015 joins them with ", " (a used one reads <c>used</c>) and carries one message
    /// per code in <c>context.secrets</c> (1050009 with the code, or 1050014 with when it was used). An unused code
    /// known only by its MAC shows as <see cref="Messages.LookupSecretHiddenCode"/>.
    /// </summary>
    public static UiNode Codes(IReadOnlyList<LookupCode> codes)
    {
        var texts = new List<string>(codes.Count);
        var messages = new List<UiText>(codes.Count);
        foreach (var code in codes)
        {
            if (code.UsedAt is { } usedAt)
            {
                texts.Add("used");
                messages.Add(Messages.InfoSelfServiceSettingsLookupSecretUsed(usedAt));
            }
            else if (code.Clear is { } clear)
            {
                texts.Add(clear);
                messages.Add(Messages.InfoSelfServiceSettingsLookupSecret(clear));
            }
            else
            {
                texts.Add(Messages.LookupSecretHiddenCode);
                messages.Add(Messages.InfoSelfServiceSettingsLookupSecretHidden());
            }
        }

        var node = UiNode.Text(UiNodeGroup.LookupSecret, CodesId, Messages.InfoSelfServiceSettingsLookupSecretList(texts, messages));
        node.Label = Messages.InfoSelfServiceSettingsLookupSecretLabel();
        return node;
    }

    /// <summary>Kratos's <c>PopulateSettingsMethod</c>: reveal and disable when the identity has codes, else regenerate.</summary>
    public static void PopulateSettings(UiContainer ui, Identity.Identity identity)
    {
        if (LookupSecretCredential.HasCodes(identity))
        {
            ui.Upsert(Reveal());
            ui.Upsert(Disable());
        }
        else
        {
            ui.Upsert(Regenerate());
        }
    }

    /// <summary>Removes every settings node of the method, wherever it sits, before a state's nodes are appended.</summary>
    public static void RemoveSettingsNodes(UiContainer ui) => ui.Nodes.RemoveAll(n => SettingsNames.Contains(n.Key));

    private static UiNode Button(string name, UiText label) =>
        UiNode.Input(UiNodeGroup.LookupSecret, name, "submit", value: "true", label: label);
}
