using Custos.Config;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Flows.Settings;

/// <summary>
/// A settings strategy for <paramref name="method"/> that answers every submission with <paramref name="answer"/> and
/// writes each call (<c>populate:method</c>, <c>submit:method</c>) to <paramref name="calls"/>. It is switched on and
/// off like a real method, by <c>selfservice.methods.&lt;method&gt;.enabled</c>.
/// </summary>
internal sealed class RecordingSettingsStrategy(string method, int order, StrategyOutcome<SettingsSucceeded> answer, List<string> calls) : ISettingsStrategy
{
    public string Method => method;

    public int Order => order;

    public bool IsEnabled(CustosOptions options) => options.Selfservice.Methods.IsEnabled(method);

    public Task PopulateAsync(SettingsFlow flow, Custos.Identity.Identity identity, CancellationToken ct)
    {
        calls.Add("populate:" + method);
        flow.Ui.Nodes.Add(UiNode.Input(method, "method", "submit", method));
        return Task.CompletedTask;
    }

    public Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        calls.Add("submit:" + method);
        return Task.FromResult(answer);
    }
}
