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

    /// <summary>Fills the common fields of <paramref name="flow"/>; throws 400 <c>self_service_flow_return_to_forbidden</c> for a bad return_to.</summary>
    public T Init<T>(T flow, HttpContext context)
        where T : Flow
    {
        ReturnTo(context);
        return InitWithoutReturnTo(flow, context);
    }

    /// <summary>
    /// The request's <c>return_to</c>, or null when absent; throws 400 <c>self_service_flow_return_to_forbidden</c> when
    /// it is not allowed. Every redirect to a <c>return_to</c> goes through here, also when no flow is created.
    /// </summary>
    public string? ReturnTo(HttpContext context)
    {
        var value = FlowQuery.Text(context.Request, "return_to");
        returnTo.Validate(value);
        return value;
    }

    /// <summary>Fills the common fields of a flow that a hook or an admin creates (its request URL was built by the caller, not taken from the request).</summary>
    public T InitWithoutReturnTo<T>(T flow, HttpContext context)
        where T : Flow
    {
        var now = Now;
        flow.IssuedAt = now;
        flow.CreatedAt = now;
        flow.UpdatedAt = now;
        flow.ExpiresAt = now + FlowKinds.Lifespan(flow.Kind, Options);
        flow.Ui.Action = FlowUrls.Action(flow.Kind, Options, flow.Id);
        if (flow.IsBrowser)
        {
            flow.CsrfToken = csrf.EnsureCookie(context);
        }

        AddCsrfNode(flow);
        return flow;
    }

    /// <summary>Fills a replacement for an expired flow: same type and request URL, new id and times, same CSRF binding.</summary>
    public void InitReplacement(Flow replacement, Flow expired, HttpContext context)
    {
        var now = Now;
        replacement.IssuedAt = now;
        replacement.CreatedAt = now;
        replacement.UpdatedAt = now;
        replacement.ExpiresAt = now + FlowKinds.Lifespan(replacement.Kind, Options);
        replacement.Ui.Action = FlowUrls.Action(replacement.Kind, Options, replacement.Id);
        replacement.CsrfToken = expired.IsBrowser ? csrf.EnsureCookie(context) : "";
        AddCsrfNode(replacement);
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
    /// The request as a flow service sees it, for the flows not yet bound by <see cref="FlowBinder"/> (no session is
    /// resolved; cookies it collects are written by <see cref="FlowResponder.Respond"/>).
    /// </summary>
    public FlowRequest Snapshot(HttpContext context) =>
        FlowRequest.From(context, FlowUrls.RequestUrl(context, Options), session: null, csrf.Read(context));

    /// <summary>Re-renders the masked CSRF token (a new mask on every render).</summary>
    public void AddCsrfNode(Flow flow)
    {
        var value = flow.IsBrowser && flow.CsrfToken.Length > 0 ? csrf.Mask(flow.CsrfToken) : "";
        flow.Ui.Nodes.RemoveAll(n => n.Key == "csrf_token");
        flow.Ui.Nodes.Insert(0, UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", value, required: true));
    }

    /// <summary>
    /// Kratos's per-flow submit check: a browser flow needs the body <c>csrf_token</c> to match the cookie (403
    /// <c>security_csrf_violation</c>, thrown); an API flow must not carry <c>Origin</c> or cookies. That 400 is, as in
    /// Kratos, shown on the flow as message 4000001: it is returned, and null means the submission may go on.
    /// </summary>
    public UiText? CheckSubmission(HttpContext context, Flow flow, string? submittedCsrfToken)
    {
        try
        {
            csrf.EnsureValid(context.Request, apiFlow: !flow.IsBrowser, submittedCsrfToken);
            return null;
        }
        catch (CustosException e) when (!flow.IsBrowser && e.Code == StatusCodes.Status400BadRequest)
        {
            return Messages.ErrorValidationGeneric(e.Reason ?? e.Message);
        }
    }

    /// <summary>A flow GET (<c>/flows?id=</c>) of a browser flow needs the CSRF cookie the flow was made with.</summary>
    public void VerifyCsrfCookie(HttpContext context, Flow flow)
    {
        if (flow.IsBrowser)
        {
            csrf.VerifyCookieOrThrow(context, flow.CsrfToken);
        }
    }

    public void RotateCsrf(HttpContext context) => csrf.Rotate(context);

    /// <summary>The request's CSRF token, setting the cookie when there is none.</summary>
    public string EnsureCsrf(HttpContext context) => csrf.EnsureCookie(context);

    /// <summary>A new CSRF cookie; returns its token so that a flow can be re-bound to it.</summary>
    public string RegenerateCsrf(HttpContext context) => csrf.Rotate(context);
}
