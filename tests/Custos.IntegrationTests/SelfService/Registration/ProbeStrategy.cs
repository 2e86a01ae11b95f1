using Custos.Config;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;

namespace Custos.IntegrationTests.SelfService.Registration;

/// <summary>
/// A registration method of the test's own at a chosen place in the strategy order: it records every body it is
/// offered, declines all but <c>method=&lt;its name&gt;</c>, and refuses that one with a message on the flow.
/// </summary>
internal sealed class ProbeStrategy(string method, int order) : IRegistrationStrategy
{
    public List<string?> Offered { get; } = [];

    public string Method => method;

    public int Order => order;

    public bool IsEnabled(CustosOptions options) => true;

    public Task PopulateAsync(RegistrationFlow flow, RegistrationScreen screen, CancellationToken ct) => Task.CompletedTask;

    public Task<StrategyOutcome<RegistrationSucceeded>> SubmitAsync(FlowSubmission<RegistrationFlow> submission, RegistrationForm form, CancellationToken ct)
    {
        lock (Offered)
        {
            Offered.Add(submission.Method);
        }

        if (submission.Method != method)
        {
            return Task.FromResult(StrategyOutcome<RegistrationSucceeded>.NotResponsible);
        }

        submission.Flow.Ui.Messages.Add(Messages.ErrorValidationGeneric($"{method} refused"));
        return Task.FromResult(StrategyOutcome<RegistrationSucceeded>.Invalid);
    }
}
