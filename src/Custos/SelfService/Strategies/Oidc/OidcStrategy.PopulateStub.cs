using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;

namespace Custos.SelfService.Strategies.Oidc;

// TEMPORARY until the nodes branch lands: minimal buttons so the strategy can be driven end to end.
internal sealed partial class OidcStrategy
{
    public Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (form.Mode is not (LoginFormMode.FirstFactor or LoginFormMode.Refresh))
        {
            return Task.FromResult(false);
        }

        foreach (var p in FormProviders)
        {
            flow.Ui.Nodes.Add(OidcNodes.Button(p, Ui.Messages.InfoSelfServiceLoginWith(p.Label ?? p.Id, p.Id)));
        }

        return Task.FromResult(true);
    }

    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct)
    {
        foreach (var p in FormProviders)
        {
            flow.Ui.Nodes.Add(OidcNodes.Button(p, Ui.Messages.InfoSelfServiceRegistrationWith(p.Label ?? p.Id, p.Id)));
        }

        return Task.CompletedTask;
    }

    public Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct) => Task.CompletedTask;
}
