using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// The pre-persist execution point of registration and settings (strategies contract §7.2): the <c>web_hook</c> entries
/// of <c>after.&lt;method&gt;.hooks</c> that parse the answer (<c>response.parse</c> or <c>can_interrupt</c>) run in config
/// order before the identity is stored, outside its transaction (they call out over HTTP). A parsed answer changes the
/// identity that is then stored; an interrupt puts its messages on the flow and answers it as invalid; a failure ends
/// the flow with its error.
/// </summary>
internal sealed class PrePersistWebHooks(WebHookRunner runner, IFlowStore store, FlowNodeSorter sorter, IOptionsMonitor<CustosOptions> options)
{
    /// <summary>Null to go on storing <paramref name="identity"/> (perhaps changed); otherwise the flow's answer.</summary>
    public async Task<FlowOutcome?> RunAsync(Flow flow, FlowRequest request, Identity.Identity identity, Session? session, string method, CancellationToken ct)
    {
        var plan = HookPlan.Resolve(options.CurrentValue, flow.Kind, HookPhase.PrePersist, method);
        if (plan.Count == 0)
        {
            return null;
        }

        switch (await runner.RunInOrderAsync(plan, new WebHookInvocation(flow, WebHookRequestInfo.From(request), identity, session), ct))
        {
            case WebHookOutcome.Interrupted interrupted:
                WebHookInterrupts.ApplyTo(flow.Ui, interrupted.Messages, WebHookHook.GroupOf(method));
                await sorter.SortAsync(flow, identity.SchemaId, ct);
                await store.UpdateAsync(flow, ct);
                return new FlowOutcome.Invalid(flow);
            case WebHookOutcome.Failed failed:
                throw failed.Error;
            default:
                return null;
        }
    }
}
