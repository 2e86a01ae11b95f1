using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Settings;

/// <summary>
/// The settings strategies that are switched on, in Kratos's order (strategies contract §0.1): each adds its group of
/// nodes to the form, and each is offered a submission in turn until one does not decline.
/// </summary>
internal sealed class SettingsStrategies(IEnumerable<ISettingsStrategy> strategies, IOptionsMonitor<CustosOptions> options)
{
    /// <summary>Empties the form but for <c>csrf_token</c> and lets every enabled strategy add its nodes.</summary>
    public async Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        foreach (var strategy in Enabled())
        {
            await strategy.PopulateAsync(flow, identity, ct);
        }
    }

    /// <summary>
    /// Throws 404 (Kratos's "endpoint disabled") when <paramref name="method"/> names a strategy that is switched off;
    /// a method no strategy knows is left to <see cref="SubmitAsync"/>, which finds no taker.
    /// </summary>
    public void EnsureEnabled(string? method)
    {
        if (strategies.Any(s => s.Method == method && !s.IsEnabled(options.CurrentValue)))
        {
            throw KratosErrors.EndpointDisabled();
        }
    }

    /// <summary>
    /// Offers the submission to the enabled strategies in order and returns the first that takes it with its
    /// outcome; <c>(null, Declined)</c> when every strategy declined.
    /// </summary>
    public async Task<(ISettingsStrategy? Strategy, StrategyOutcome<SettingsSucceeded> Outcome)> SubmitAsync(
        FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        foreach (var strategy in Enabled())
        {
            var outcome = await strategy.SubmitAsync(submission, context, ct);
            if (outcome is not StrategyOutcome<SettingsSucceeded>.Declined)
            {
                return (strategy, outcome);
            }
        }

        return (null, StrategyOutcome<SettingsSucceeded>.NotResponsible);
    }

    private IEnumerable<ISettingsStrategy> Enabled() => strategies.Where(s => s.IsEnabled(options.CurrentValue)).OrderBy(s => s.Order);
}
