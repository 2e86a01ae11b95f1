using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>TEMPORARY (the lead replaces this file at merge): the flow contracts, declining every submission.</summary>
internal sealed partial class OidcStrategy : ILoginStrategy, IRegistrationStrategy, ISettingsStrategy
{
    public Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct) =>
        Task.FromResult(StrategyOutcome<LoginSucceeded>.NotResponsible);

    public Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct) =>
        Task.FromResult(StrategyOutcome<RegistrationSucceeded>.NotResponsible);

    public Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct) =>
        Task.FromResult(StrategyOutcome<SettingsSucceeded>.NotResponsible);
}
