using Custos.Config;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// Turns a freshly built login form into the account-linking form (strategies contract §5.8 step 2): the person signs in
/// to the existing account, which then gains the provider they came from.
/// </summary>
internal static class OidcLinkingForm
{
    /// <summary>
    /// How 1010016 names the provider the person came from: its <c>label</c>, else its kind (<c>generic</c>, <c>google</c>) —
    /// Kratos falls back to the kind here, unlike the buttons, which fall back to the id; an unknown id is shown as is.
    /// </summary>
    public static string UsedProviderName(OidcProviderOptions? provider, string providerId) =>
        provider is null ? providerId : string.IsNullOrEmpty(provider.Label) ? provider.Provider : provider.Label;

    /// <summary>
    /// Rewrites <paramref name="ui"/>: the provider just used is dropped, "Sign in" (1010001) becomes "Sign in and link"
    /// (1010017) and the other providers' "Sign in with X" (1010002) become "Confirm with X" (1010018); the identifier is
    /// a hidden input holding <paramref name="duplicateIdentifier"/>; the form's messages are replaced by 1010016. With
    /// <paramref name="loginHints"/> (<c>selfservice.flows.registration.login_hints</c>) only the credential groups in
    /// <paramref name="availableCredentialTypes"/> and the providers in <paramref name="availableProviders"/> stay; nodes
    /// of group <c>default</c> and nodes without a label always stay.
    /// </summary>
    public static void Apply(UiContainer ui, string usedProviderId, string usedProviderName, string duplicateIdentifier, string newLoginUrl,
        IReadOnlyList<string> availableCredentialTypes, IReadOnlyList<string> availableProviders, bool loginHints)
    {
        var kept = new List<UiNode>(ui.Nodes.Count);
        foreach (var node in ui.Nodes)
        {
            if (node.Label is null || node.Group == UiNodeGroup.Default)
            {
                kept.Add(node);
                continue;
            }

            if (node.Group == UiNodeGroup.Oidc)
            {
                // Kratos tells providers apart by the label's provider_id, which only the sign-in buttons carry.
                var providerId = node.Label.Context?.GetValueOrDefault("provider_id")?.ToString() ?? "";
                if (providerId == usedProviderId || (loginHints && !availableProviders.Contains(providerId)))
                {
                    continue;
                }
            }

            node.Label = node.Label.Id switch
            {
                1010001 => Messages.InfoSelfServiceLoginAndLink(),
                1010002 => Messages.InfoSelfServiceLoginWithAndLink(node.Label.Context?.GetValueOrDefault("provider")?.ToString() ?? ""),
                _ => node.Label,
            };
            if (!loginHints || availableCredentialTypes.Contains(node.Group))
            {
                kept.Add(node);
            }
        }

        if (ui.Find("identifier") is { } identifier)
        {
            identifier.Attributes["type"] = "hidden";
            identifier.Value = duplicateIdentifier;
        }

        ui.Nodes.Clear();
        ui.Nodes.AddRange(kept);
        ui.Messages.Clear();
        ui.Messages.Add(Messages.InfoSelfServiceLoginLink(duplicateIdentifier, usedProviderName, newLoginUrl, availableCredentialTypes, availableProviders));
    }
}
