using Custos.Config;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// The <c>oidc</c> method's nodes (strategies contract §5.3, §5.7, §5.11, §5.12): submit buttons in group <c>oidc</c>
/// whose value is the provider id. A button's text names the provider by its <c>label</c>, or by its id without one.
/// </summary>
internal static class OidcNodes
{
    public const string Provider = "provider";
    public const string Link = "link";
    public const string Unlink = "unlink";

    /// <summary>What a button calls the provider: <c>label</c>, or <c>id</c> when the label is empty.</summary>
    public static string DisplayName(OidcProviderOptions provider) =>
        string.IsNullOrEmpty(provider.Label) ? provider.Id : provider.Label;

    /// <summary>"Sign in with {label}" (1010002, context <c>{provider, provider_id}</c>).</summary>
    public static UiNode LoginButton(OidcProviderOptions provider) =>
        Button(Provider, provider.Id, Messages.InfoSelfServiceLoginWith(DisplayName(provider), provider.Id));

    /// <summary>"Sign up with {label}" (1040002, context <c>{provider, provider_id}</c>).</summary>
    public static UiNode RegistrationButton(OidcProviderOptions provider) =>
        Button(Provider, provider.Id, Messages.InfoSelfServiceRegistrationWith(DisplayName(provider), provider.Id));

    /// <summary>
    /// "Continue" (1040003, no context) for the provider the person came back from: the registration form that asks for
    /// missing or invalid traits, and the one shown after a callback error (§5.7). Pressing it starts the round trip again.
    /// </summary>
    public static UiNode ContinueButton(string providerId) =>
        Button(Provider, providerId, Messages.InfoSelfServiceRegistrationContinue());

    /// <summary>Settings: "Link {label}" (1050002, context <c>{provider}</c>).</summary>
    public static UiNode LinkButton(OidcProviderOptions provider) =>
        Button(Link, provider.Id, Messages.InfoSelfServiceSettingsUpdateLinkOidc(DisplayName(provider)));

    /// <summary>Settings: "Unlink {label}" (1050003, context <c>{provider}</c>).</summary>
    public static UiNode UnlinkButton(OidcProviderOptions provider) =>
        Button(Unlink, provider.Id, Messages.InfoSelfServiceSettingsUpdateUnlinkOidc(DisplayName(provider)));

    /// <summary>
    /// Puts a provider button at the end of the form, replacing the same provider's button if the form had one: every
    /// provider button shares the name <c>provider</c>, so <see cref="UiContainer.Upsert"/> (by name) would keep only one.
    /// </summary>
    public static void Add(UiContainer ui, UiNode button)
    {
        var value = button.Value?.ToString();
        ui.Nodes.RemoveAll(n => IsButtonOf(n, button.Key, value));
        ui.Nodes.Add(button);
    }

    /// <summary>Removes every provider button (<c>name=provider</c> in group <c>oidc</c>).</summary>
    public static void RemoveProviderButtons(UiContainer ui) => ui.Nodes.RemoveAll(n => IsButtonOf(n, Provider, value: null));

    /// <summary>The provider id a node of this method submits, or null for other nodes.</summary>
    public static string? ProviderOf(UiNode node) =>
        node is { Type: "input", Group: UiNodeGroup.Oidc } && node.Key is Provider or Link or Unlink ? node.Value?.ToString() : null;

    private static bool IsButtonOf(UiNode node, string name, string? value) =>
        node.Type == "input" && node.Group == UiNodeGroup.Oidc && node.Key == name && (value is null || node.Value?.ToString() == value);

    private static UiNode Button(string name, string providerId, UiText label) =>
        UiNode.Input(UiNodeGroup.Oidc, name, "submit", providerId, label: label);
}
