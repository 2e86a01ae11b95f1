using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// The <c>web_hook</c> entries of an after list run once the flow's own writes are committed, outside any transaction
/// (they call out over HTTP, up to 30 s × 3): verification runs them after the address is verified and the flow passed,
/// as Kratos does, so their failure answers the request but undoes nothing.
/// </summary>
internal sealed class CommittedWebHooks(WebHookRunner runner, IOptionsMonitor<CustosOptions> options)
{
    /// <summary>
    /// Runs the web hooks of <paramref name="flow"/>'s after list in order. Returns <see cref="WebHookOutcome.Continue"/>
    /// or the first <see cref="WebHookOutcome.Interrupted"/>; throws the error of a failed hook.
    /// </summary>
    public async Task<WebHookOutcome> RunAsync(Flow flow, FlowRequest request, Identity.Identity identity, Session? session, string? method, CancellationToken ct)
    {
        var plan = HookPlan.Resolve(options.CurrentValue, flow.Kind, HookPhase.After, method);
        if (!plan.Any(h => h.Kind == HookKind.WebHook))
        {
            return WebHookOutcome.Continue.Instance;
        }

        var outcome = await runner.RunInOrderAsync(plan, new WebHookInvocation(flow, WebHookRequestInfo.From(request), identity, session), ct);
        return outcome is WebHookOutcome.Failed failed ? throw failed.Error : outcome;
    }
}
