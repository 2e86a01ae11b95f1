using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// The <c>webauthn</c> method's nodes (strategies contract §4.4, §4.5). The triggers carry the ceremony options as
/// their value and, on browser flows, inline in the deprecated <c>onclick</c>.
/// </summary>
internal static class WebAuthnNodes
{
    public const string Login = "webauthn_login";
    public const string LoginTrigger = "webauthn_login_trigger";
    public const string Register = "webauthn_register";
    public const string RegisterTrigger = "webauthn_register_trigger";
    public const string RegisterDisplayName = "webauthn_register_displayname";
    public const string Remove = "webauthn_remove";

    public static UiNode LoginTriggerNode(string optionsJson, UiText label) => WebAuthnTriggers.Apply(
        UiNode.Input(UiNodeGroup.WebAuthn, LoginTrigger, "button", optionsJson, label: label),
        browser: true, onclick: WebAuthnTriggers.WebAuthnLogin, argument: optionsJson);

    public static UiNode LoginNode() => UiNode.Input(UiNodeGroup.WebAuthn, Login, "hidden", "");

    /// <summary>The passwordless first step: the identifier is sent with the method button (1010008).</summary>
    public static UiNode MethodButton() =>
        UiNode.Input(UiNodeGroup.WebAuthn, "method", "submit", "webauthn", label: Messages.InfoSelfServiceLoginWebAuthn());

    public static UiNode RegisterTriggerNode(string optionsJson, UiText label) => WebAuthnTriggers.Apply(
        UiNode.Input(UiNodeGroup.WebAuthn, RegisterTrigger, "button", optionsJson, label: label),
        browser: true, onclick: WebAuthnTriggers.WebAuthnRegistration, argument: optionsJson);

    public static UiNode RegisterNode() => UiNode.Input(UiNodeGroup.WebAuthn, Register, "hidden", "");

    public static UiNode DisplayNameNode(string value = "") =>
        UiNode.Input(UiNodeGroup.WebAuthn, RegisterDisplayName, "text", value, label: Messages.InfoSelfServiceSettingsRegisterWebAuthnDisplayName());

    /// <summary>One remove button per key, valued with the lower-case hex of its id (§4.9 #4).</summary>
    public static UiNode RemoveNode(StoredWebAuthnCredential key, bool disabled) => UiNode.Input(
        UiNodeGroup.WebAuthn, Remove, "submit", WebAuthnBytes.ToHex(key.Id), disabled: disabled,
        label: Messages.InfoSelfServiceSettingsRemoveWebAuthn(key.DisplayName is { Length: > 0 } name ? name : "unnamed", key.AddedAt));
}
