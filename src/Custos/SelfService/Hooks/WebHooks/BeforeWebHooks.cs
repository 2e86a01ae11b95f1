using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// The before execution point of every flow (<c>selfservice.flows.&lt;flow&gt;.before.hooks</c>, strategies contract
/// §7.2): its <c>web_hook</c> entries run in config order when a flow is created through its init endpoint, after the
/// flow is built and before it is stored. <c>ctx</c> has the flow and the request, and for settings the session. A
/// failure ends the creation with Kratos's error (502, 500 or 504) and nothing is stored.
/// </summary>
internal sealed class BeforeWebHooks(WebHookRunner runner, IOptionsMonitor<CustosOptions> options)
{
    /// <summary>Returns when the flow may be stored; throws the error that ends its creation otherwise.</summary>
    public async Task RunAsync(Flow flow, FlowRequest request, CancellationToken ct)
    {
        var plan = HookPlan.Resolve(options.CurrentValue, flow.Kind, HookPhase.Before, method: null);
        if (plan.Count == 0)
        {
            return;
        }

        var session = flow.Kind == FlowKind.Settings ? request.Session?.Session : null;
        switch (await runner.RunInOrderAsync(plan, new WebHookInvocation(flow, WebHookRequestInfo.From(request), Session: session), ct))
        {
            case WebHookOutcome.Failed failed:
                throw failed.Error;
            case WebHookOutcome.Interrupted:
                // Kratos hands a before hook's validation messages to its error writer as an unknown error (500): there
                // is no stored flow to show them on. (Its login handler tries to update the unstored flow instead and
                // answers that failure; Custos answers all five flows alike.)
                throw KratosErrors.Internal("A web hook of the flow's before hooks answered with validation messages, which a flow that is being created cannot show.");
        }
    }
}
