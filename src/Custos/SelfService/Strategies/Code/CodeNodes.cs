using Custos.Identity;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The nodes of the code method and the login states built from them, exactly as Kratos renders them (attributes,
/// groups, labels, message ids, insertion order). Pure: they change the given <see cref="UiContainer"/> only. Sorting of
/// freshly created flows is the caller's; the "code sent" states keep Kratos's insertion order (<c>csrf_token</c> last).
/// </summary>
internal static partial class CodeNodes
{
    // The groups Kratos clears when a "code sent" form replaces the methods (everything but e.g. captcha).
    private static readonly HashSet<string> TransientGroups =
    [
        UiNodeGroup.Default, UiNodeGroup.Password, UiNodeGroup.Oidc, UiNodeGroup.Profile, UiNodeGroup.Link, UiNodeGroup.Code,
        UiNodeGroup.Totp, UiNodeGroup.LookupSecret, UiNodeGroup.WebAuthn, UiNodeGroup.Passkey, UiNodeGroup.IdentifierFirst, "saml",
    ];

    /// <summary>The login <c>identifier</c> input (group default, shared with password/passkey), label 1070002/1070004.</summary>
    public static UiNode LoginIdentifier(UiText label) => UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, label: label);

    /// <summary><c>method=code</c> submit, label 1010015 "Send sign in code".</summary>
    public static UiNode SendSignInCode() => UiNode.Input(UiNodeGroup.Code, "method", "submit", CredentialTypes.Code, label: Messages.InfoSelfServiceLoginCode());

    /// <summary>An MFA/refresh address button: <c>address</c> submit with the address as value, label 1010023 {address, channel}.</summary>
    public static UiNode AddressButton(CodeAddress address) =>
        UiNode.Input(UiNodeGroup.Code, "address", "submit", address.Address, label: Messages.InfoSelfServiceLoginAAL2CodeAddress(address.Channel, address.Address));

    /// <summary><c>method=code</c> hidden: lets the resend button post the method.</summary>
    public static UiNode HiddenMethod() => UiNode.Input(UiNodeGroup.Code, "method", "hidden", CredentialTypes.Code);

    /// <summary>The <c>code</c> input: text, required, <c>autocomplete: one-time-code</c> (Web OTP autofill).</summary>
    public static UiNode CodeInput(UiText label) => UiNode.Input(UiNodeGroup.Code, "code", "text", required: true, autocomplete: "one-time-code", label: label);

    /// <summary><c>method=code</c> submit, label 1070009 "Continue".</summary>
    public static UiNode ContinueButton() => UiNode.Input(UiNodeGroup.Code, "method", "submit", CredentialTypes.Code, label: Messages.InfoNodeLabelContinue());

    /// <summary><c>resend=code</c> submit, label 1070008 "Resend code".</summary>
    public static UiNode ResendButton() => UiNode.Input(UiNodeGroup.Code, "resend", "submit", CredentialTypes.Code, label: Messages.InfoNodeLabelResendOTP());

    /// <summary>
    /// Login, first render (aal1, <c>passwordless_enabled</c>): upserts <c>identifier</c> (the last strategy to upsert it
    /// wins) and appends <c>method=code</c>.
    /// </summary>
    public static void AddLoginChooseMethod(UiContainer ui, UiText identifierLabel)
    {
        UpsertByName(ui, LoginIdentifier(identifierLabel));
        ui.Nodes.Add(SendSignInCode());
    }

    /// <summary>Login aal2 (<c>mfa_enabled</c>) or address-picker refresh: one button per address, in the given order.</summary>
    public static void AddAddressButtons(UiContainer ui, IEnumerable<CodeAddress> addresses) =>
        ui.Nodes.AddRange(addresses.Select(AddressButton));

    /// <summary>
    /// Login "code sent" (state <c>sent_email</c>): keeps only non-method nodes (e.g. captcha), turns every former
    /// <c>identifier</c>/<c>address</c> input into a hidden <c>identifier</c> (label and group kept) of which the first
    /// carries <paramref name="identifier"/>, then appends <c>method</c> (hidden), <c>code</c>, <c>method</c> (Continue),
    /// <c>resend</c> and, for browser flows (<paramref name="csrfToken"/> not null), <c>csrf_token</c>. The message is
    /// 1010014, or 1010025 on refresh and aal2 flows (<paramref name="boundToSession"/>).
    /// </summary>
    public static void ApplyLoginSent(UiContainer ui, string identifier, bool boundToSession, string? csrfToken)
    {
        ui.ResetMessages();
        var fresh = ui.Nodes.Where(n => !TransientGroups.Contains(n.Group)).ToList();
        foreach (var node in ui.Nodes.Where(n => n.Type == "input" && n.Key is "identifier" or "address"))
        {
            node.Attributes["name"] = "identifier";
            node.Attributes["type"] = "hidden";
            fresh.Add(node);
        }

        fresh.Add(HiddenMethod());
        fresh.Add(CodeInput(Messages.InfoNodeLabelLoginCode()));
        fresh.Add(ContinueButton());
        fresh.Add(ResendButton());
        ui.Nodes.Clear();
        ui.Nodes.AddRange(fresh);
        SetValue(ui, "identifier", identifier);
        SetCsrf(ui, csrfToken);
        ui.Method = "POST";
        ui.Messages.Add(boundToSession ? Messages.InfoSelfServiceLoginCodeSentForAuthenticatedUser() : Messages.InfoSelfServiceLoginCodeSent());
    }

    /// <summary>
    /// Login after a failed code step (Kratos's error handler): with <paramref name="hideIdentifier"/> (a failed verify)
    /// the first <c>identifier</c> node becomes a hidden one in group default without label; the first <c>identifier</c>
    /// then carries the submitted value. The caller adds the message, renews the CSRF token and re-sorts.
    /// </summary>
    public static void ApplyLoginError(UiContainer ui, string identifier, bool hideIdentifier)
    {
        if (hideIdentifier)
        {
            UpsertByName(ui, UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", identifier));
        }

        SetValue(ui, "identifier", identifier);
    }

    /// <summary>Replaces the first input named like <paramref name="node"/> in place (any group), or appends it: Kratos's <c>Upsert</c>.</summary>
    private static void UpsertByName(UiContainer ui, UiNode node)
    {
        var index = ui.Nodes.FindIndex(n => n.Type == "input" && n.Key == node.Key);
        if (index >= 0)
        {
            ui.Nodes[index] = node;
        }
        else
        {
            ui.Nodes.Add(node);
        }
    }

    /// <summary>Sets the value of the first input with this name: Kratos's <c>SetValueAttribute</c>.</summary>
    private static void SetValue(UiContainer ui, string name, System.Text.Json.Nodes.JsonNode? value)
    {
        if (ui.Nodes.FirstOrDefault(n => n.Type == "input" && n.Key == name) is { } node)
        {
            node.Value = value?.DeepClone();
        }
    }

    /// <summary>Kratos's <c>SetCSRF</c>: the token replaces the <c>csrf_token</c> node in place, or is appended; null (API flows) leaves the nodes as they are.</summary>
    private static void SetCsrf(UiContainer ui, string? csrfToken)
    {
        if (csrfToken is not null)
        {
            UpsertByName(ui, UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", csrfToken, required: true));
        }
    }
}
