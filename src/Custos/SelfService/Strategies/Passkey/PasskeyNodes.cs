using Custos.SelfService.Strategies.WebAuthn;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Passkey;

/// <summary>The passkey method's nodes (strategies contract §4.6); browser flows also get the raw JS handlers.</summary>
internal static class PasskeyNodes
{
    public const string Challenge = "passkey_challenge";
    public const string Login = "passkey_login";
    public const string LoginTrigger = "passkey_login_trigger";
    public const string CreateData = "passkey_create_data";
    public const string RegisterTrigger = "passkey_register_trigger";
    public const string Register = "passkey_register";
    public const string SettingsRegister = "passkey_settings_register";
    public const string Remove = "passkey_remove";

    public static UiNode ChallengeNode(string optionsJson) => UiNode.Input(UiNodeGroup.Passkey, Challenge, "hidden", optionsJson);

    /// <summary>The field the script writes the assertion into; on first-factor forms it starts conditional UI on load.</summary>
    public static UiNode LoginNode(bool browser, bool autocomplete) => autocomplete
        ? WebAuthnTriggers.Apply(UiNode.Input(UiNodeGroup.Passkey, Login, "hidden"), browser, onload: WebAuthnTriggers.PasskeyLoginAutocompleteInit)
        : UiNode.Input(UiNodeGroup.Passkey, Login, "hidden");

    public static UiNode LoginTriggerNode(bool browser) => WebAuthnTriggers.Apply(
        UiNode.Input(UiNodeGroup.Passkey, LoginTrigger, "button", "", label: Messages.InfoSelfServiceLoginPasskey()),
        browser, onclick: WebAuthnTriggers.PasskeyLogin);

    public static UiNode CreateDataNode(string json) => UiNode.Input(UiNodeGroup.Passkey, CreateData, "hidden", json);

    public static UiNode RegistrationTriggerNode(bool browser) => WebAuthnTriggers.Apply(
        UiNode.Input(UiNodeGroup.Passkey, RegisterTrigger, "button", label: Messages.InfoSelfServiceRegistrationRegisterPasskey()),
        browser, onclick: WebAuthnTriggers.PasskeyRegistration);

    public static UiNode RegisterNode() => UiNode.Input(UiNodeGroup.Passkey, Register, "hidden");

    public static UiNode SettingsTriggerNode(bool browser) => WebAuthnTriggers.Apply(
        UiNode.Input(UiNodeGroup.Passkey, RegisterTrigger, "button", "", label: Messages.InfoSelfServiceSettingsRegisterPasskey()),
        browser, onclick: WebAuthnTriggers.PasskeySettingsRegistration);

    public static UiNode SettingsRegisterNode() => UiNode.Input(UiNodeGroup.Passkey, SettingsRegister, "hidden");

    public static UiNode RemoveNode(StoredWebAuthnCredential credential, bool disabled) => UiNode.Input(
        UiNodeGroup.Passkey, Remove, "submit", WebAuthnBytes.ToHex(credential.Id), disabled: disabled,
        label: Messages.InfoSelfServiceSettingsRemovePasskey(credential.DisplayName is { Length: > 0 } name ? name : "unnamed", credential.AddedAt));
}
