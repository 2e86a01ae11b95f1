using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.ReturnTo;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows;

/// <summary>
/// The common start of every flow: checks <c>return_to</c>, stamps id, times and request URL, and for browser flows
/// binds the flow to the CSRF cookie and adds the masked <c>csrf_token</c> node.
/// </summary>
internal sealed class FlowFactory(IOptionsMonitor<CustosOptions> options, TimeProvider clock, ReturnToValidator returnTo, CsrfGuard csrf)
{
    public CustosOptions Options => options.CurrentValue;

    public DateTime Now => Clock.Now(clock);

    public TimeProvider Time => clock;

    /// <summary>
    /// The request's <c>return_to</c>, or null when absent; throws 400 <c>self_service_flow_return_to_forbidden</c> when
    /// it is not allowed (logout, which creates no flow).
    /// </summary>
    public string? ReturnTo(HttpContext context)
    {
        var value = FlowQuery.Text(context.Request, "return_to");
        returnTo.Validate(value);
        return value;
    }

    /// <summary>Fills the common fields of <paramref name="flow"/> created for <paramref name="request"/>; throws 400 <c>self_service_flow_return_to_forbidden</c> for a bad return_to.</summary>
    public T Init<T>(T flow, FlowRequest request)
        where T : Flow
    {
        ReturnTo(request);
        return InitWithoutReturnTo(flow, request);
    }

    /// <summary>The request's <c>return_to</c>, or null when absent; throws 400 <c>self_service_flow_return_to_forbidden</c> when not allowed.</summary>
    public string? ReturnTo(FlowRequest request)
    {
        var value = FlowQuery.Text(request.Query, "return_to");
        returnTo.Validate(value);
        return value;
    }

    /// <summary>Fills the common fields of a flow whose request URL was built by the caller (a hook's or an admin's flow).</summary>
    public T InitWithoutReturnTo<T>(T flow, FlowRequest request)
        where T : Flow
    {
        Stamp(flow);
        if (flow.IsBrowser)
        {
            flow.CsrfToken = request.EnsureCsrf();
        }

        AddCsrfNode(flow);
        return flow;
    }

    /// <summary>Fills a replacement for an expired flow: same type and request URL, new id and times, same CSRF binding.</summary>
    public void InitReplacement(Flow replacement, Flow expired, FlowRequest request)
    {
        Stamp(replacement);
        replacement.CsrfToken = expired.IsBrowser ? request.EnsureCsrf() : "";
        AddCsrfNode(replacement);
    }

    private void Stamp(Flow flow)
    {
        var now = Now;
        flow.IssuedAt = now;
        flow.CreatedAt = now;
        flow.UpdatedAt = now;
        flow.ExpiresAt = now + FlowKinds.Lifespan(flow.Kind, Options);
        flow.Ui.Action = FlowUrls.Action(flow.Kind, Options, flow.Id);
    }

    /// <summary>
    /// Re-renders the masked CSRF token (a new mask on every render) where the node is, so the order a flow was given
    /// (strategies contract §0.2: not always first) survives; a flow without one gets it first.
    /// </summary>
    public void AddCsrfNode(Flow flow)
    {
        var value = flow.IsBrowser && flow.CsrfToken.Length > 0 ? csrf.Mask(flow.CsrfToken) : "";
        var node = UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", value, required: true);
        var index = flow.Ui.Nodes.FindIndex(n => n.Key == "csrf_token");
        flow.Ui.Nodes.RemoveAll(n => n.Key == "csrf_token");
        flow.Ui.Nodes.Insert(index < 0 ? 0 : index, node);
    }

}