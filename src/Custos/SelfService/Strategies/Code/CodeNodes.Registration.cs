using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

internal static partial class CodeNodes
{
    /// <summary><c>method=code</c> submit, label 1040006 "Send sign up code".</summary>
    public static UiNode SendSignUpCode() => UiNode.Input(UiNodeGroup.Code, "method", "submit", CredentialTypes.Code, label: Messages.InfoSelfServiceRegistrationRegisterCode());

    /// <summary><c>screen=credential-selection</c> submit in group profile, label 1040008 "Back" (two-step registration only).</summary>
    public static UiNode BackButton() =>
        UiNode.Input(UiNodeGroup.Profile, "screen", "submit", "credential-selection", label: Messages.InfoSelfServiceRegistrationBack());

    /// <summary>Registration, unified form or the credential-selection step of <c>profile_first</c>: drops the "code sent" nodes and appends <c>method=code</c>.</summary>
    public static void AddRegistrationMethod(UiContainer ui)
    {
        RemoveCodeSentNodes(ui);
        ui.Nodes.Add(SendSignUpCode());
    }

    /// <summary>Registration, profile step of <c>profile_first</c>: no code nodes at all.</summary>
    public static void RemoveRegistrationNodes(UiContainer ui)
    {
        Remove(ui, SendSignUpCode());
        RemoveCodeSentNodes(ui);
    }

    /// <summary>
    /// Registration "code sent" (state <c>sent_email</c>): keeps non-method nodes (e.g. captcha), then every former
    /// default-group input except submit buttons (the traits, hidden, with the submitted values, and <c>csrf_token</c>),
    /// then <c>method</c> (hidden), <c>code</c> (1070012), <c>method</c> (Continue), <c>resend</c> and, with
    /// <paramref name="twoSteps"/> (<c>profile_first</c>), the Back button. Message 1040005.
    /// </summary>
    public static void ApplyRegistrationSent(UiContainer ui, JsonObject traits, bool twoSteps, string? csrfToken)
    {
        ui.ResetMessages();
        var fresh = ui.Nodes.Where(n => !TransientGroups.Contains(n.Group)).ToList();
        foreach (var node in ui.Nodes.Where(n => n.Group == UiNodeGroup.Default && !IsSubmit(n)))
        {
            // Kratos keeps a field visible when it carries a message; the messages were just reset, so all are hidden.
            if (node.Type == "input" && node.Messages.Count == 0)
            {
                node.Attributes["type"] = "hidden";
            }

            fresh.Add(node);
        }

        fresh.Add(HiddenMethod());
        fresh.Add(CodeInput(Messages.InfoNodeLabelRegistrationCode()));
        fresh.Add(ContinueButton());
        fresh.Add(ResendButton());
        if (twoSteps)
        {
            fresh.Add(BackButton());
        }

        ui.Nodes.Clear();
        ui.Nodes.AddRange(fresh);
        SetTraitValues(ui, traits);
        SetCsrf(ui, csrfToken);
        ui.Method = "POST";
        ui.Messages.Add(Messages.InfoSelfServiceRegistrationEmailWithCodeSent());
    }

    /// <summary>Registration after a failed code step: the trait nodes carry the submitted values again (Kratos's error handler).</summary>
    public static void ApplyRegistrationError(UiContainer ui, JsonObject traits) => SetTraitValues(ui, traits);

    /// <summary>
    /// Whether the traits submitted with a code equal those the code was sent for, read from the hidden trait nodes as
    /// Kratos does: every submitted leaf whose node exists must have that node's value (else 4000036).
    /// </summary>
    public static bool TraitsMatch(UiContainer ui, JsonObject traits) =>
        Leaves(traits, "traits").All(leaf =>
            ui.Nodes.FirstOrDefault(n => n.Type == "input" && n.Key == leaf.Name) is not { } node || JsonNode.DeepEquals(node.Value, leaf.Value));

    private static void SetTraitValues(UiContainer ui, JsonObject traits)
    {
        foreach (var (name, value) in Leaves(traits, "traits"))
        {
            SetValue(ui, name, value);
        }
    }

    // Kratos flattens with jsonx.Flatten: objects and arrays become dotted paths ("traits.emails.0").
    private static IEnumerable<(string Name, JsonNode? Value)> Leaves(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    foreach (var leaf in Leaves(child, prefix + "." + key))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var leaf in Leaves(a[i], prefix + "." + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return (prefix, node);
                break;
        }
    }

    private static bool IsSubmit(UiNode node) => node.Type == "input" && node.Attributes["type"]?.GetValue<string>() == "submit";

    private static void RemoveCodeSentNodes(UiContainer ui)
    {
        Remove(ui, ResendButton());
        Remove(ui, BackButton());
        Remove(ui, ContinueButton());
        Remove(ui, HiddenMethod());
        Remove(ui, CodeInput(Messages.InfoNodeLabelRegistrationCode()));
    }

    // Kratos's RemoveMatching: same name, group and input type, and the same value when the template has one.
    private static void Remove(UiContainer ui, UiNode template) =>
        ui.Nodes.RemoveAll(n => n.Type == template.Type && n.Group == template.Group && n.Key == template.Key
            && n.Attributes["type"]?.GetValue<string>() == template.Attributes["type"]?.GetValue<string>()
            && (template.Value is null || JsonNode.DeepEquals(n.Value, template.Value)));
}
