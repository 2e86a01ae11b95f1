using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The provider buttons each form offers (strategies contract §5.3, §5.11).</summary>
internal sealed partial class OidcStrategy
{
    public Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        switch (form.Mode)
        {
            // Kratos shows every provider on the first-factor form and on identifier-first step 1, where the buttons are
            // the only method that needs no identifier.
            case LoginFormMode.FirstFactor or LoginFormMode.Identification:
                return Task.FromResult(AddLoginButtons(flow, FormProviders));
            case LoginFormMode.Refresh when form.Identity is { } identity:
                // Only a provider this identity is linked to can confirm it is the same person.
                return Task.FromResult(AddLoginButtons(flow, LinkedFormProviders(identity)));
            case LoginFormMode.Credentials:
                return Task.FromResult(PopulateCredentialsStep(flow, form));
            default:
                return Task.FromResult(false);
        }
    }

    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        // Every screen, as Kratos: unified, and both steps of profile-first (the buttons start a sign-up on their own,
        // with whatever traits the form holds as a pre-fill).
        foreach (var provider in FormProviders)
        {
            OidcNodes.Add(flow.Ui, OidcNodes.RegistrationButton(provider));
        }

        return Task.CompletedTask;
    }

    public Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        var linked = OidcCredential.LinkedProviders(identity);
        foreach (var provider in FormProviders.Where(p => !linked.Contains(p.Id)))
        {
            flow.Ui.Nodes.Add(OidcNodes.LinkButton(provider));
        }

        // Unlinking the last way to sign in would lock the person out, so unlink is offered only beside another first factor.
        if (FirstFactors(identity) > 1)
        {
            foreach (var id in linked)
            {
                if (O.Selfservice.Methods.Oidc.Config.FindProvider(id) is { } provider)
                {
                    flow.Ui.Nodes.Add(OidcNodes.UnlinkButton(provider));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Identifier-first step 2 keeps step 1's buttons unless Kratos can narrow them down: for a known person (no
    /// enumeration mitigation) they become the providers that person is linked to, or none.
    /// </summary>
    private bool PopulateCredentialsStep(LoginFlow flow, LoginForm form)
    {
        if (form.Mitigate || form.Identity is not { } identity)
        {
            // Unknown, or not to be told apart from a known person: the step-1 list stays as it is.
            return false;
        }

        OidcNodes.RemoveProviderButtons(flow.Ui);
        return AddLoginButtons(flow, LinkedFormProviders(identity));
    }

    private static bool AddLoginButtons(LoginFlow flow, IEnumerable<OidcProviderOptions> providers)
    {
        var any = false;
        foreach (var provider in providers)
        {
            OidcNodes.Add(flow.Ui, OidcNodes.LoginButton(provider));
            any = true;
        }

        return any;
    }

    /// <summary>The form providers <paramref name="identity"/> is linked to, in configuration order.</summary>
    private IEnumerable<OidcProviderOptions> LinkedFormProviders(Identity.Identity identity)
    {
        var linked = OidcCredential.LinkedProviders(identity);
        return FormProviders.Where(p => linked.Contains(p.Id));
    }
}
