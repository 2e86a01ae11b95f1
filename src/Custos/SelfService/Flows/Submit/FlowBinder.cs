using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Security.Throttling;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Submit;

/// <summary>
/// The one place where a flow endpoint meets HTTP: it reads the request once into a <see cref="FlowRequest"/>, does the
/// steps every submission shares (load, expiry, body, CSRF verdict, the session), hands the typed
/// <see cref="FlowSubmission{TFlow}"/> to the flow service and lets <see cref="FlowResponder"/> answer its outcome.
/// </summary>
internal sealed class FlowBinder(
    IFlowStore store,
    SessionManager sessions,
    CsrfCookie csrf,
    CsrfGuard guard,
    FlowResponder responder,
    FlowThrottle throttle,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock)
{
    /// <summary>The request as a flow service may see it (for creating or reading a flow).</summary>
    public async Task<FlowRequest> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var session = await sessions.FromRequestWithTokenAsync(context, ct);
        return FlowRequest.From(context, FlowUrls.RequestUrl(context, options.CurrentValue), session, csrf.Read(context.Request));
    }

    /// <summary>Runs <paramref name="step"/> on the request and answers its outcome.</summary>
    public async Task<IResult> RunAsync(HttpContext context, Func<FlowRequest, Task<FlowOutcome>> step, CancellationToken ct)
    {
        var request = await ReadAsync(context, ct);
        return responder.Respond(context, request, await step(request));
    }

    /// <summary>
    /// A flow read (<c>/flows?id=</c>): loads the flow named by <c>?id=</c>, checks that a browser flow is read with the
    /// CSRF cookie it was made with, and answers what <paramref name="read"/> makes of it.
    /// </summary>
    public Task<IResult> ReadFlowAsync<TFlow>(HttpContext context, string notFound, Func<FlowRequest, TFlow, Task<FlowOutcome>> read, CancellationToken ct)
        where TFlow : Flow => ReadFlowAsync(context, new FlowBinding(notFound), read, ct);

    /// <summary>A flow read with the checks of <paramref name="binding"/>: its <c>BeforeLoad</c> first, its cookie exemption.</summary>
    public async Task<IResult> ReadFlowAsync<TFlow>(HttpContext context, FlowBinding binding, Func<FlowRequest, TFlow, Task<FlowOutcome>> read, CancellationToken ct)
        where TFlow : Flow
    {
        var request = await ReadAsync(context, ct);
        if (binding.BeforeLoad?.Invoke(request) is { } early)
        {
            return responder.Respond(context, request, early);
        }

        var flow = await store.GetAsync<TFlow>(FlowRequests.FlowId(context, "id"), ct) ?? throw KratosErrors.NotFound(binding.NotFound);
        if (flow.IsBrowser && binding.ReadsWithoutCookie?.Invoke(flow) != true)
        {
            guard.VerifyCookieOrThrow(context, flow.CsrfToken);
        }

        return responder.Respond(context, request, await read(request, flow));
    }

    /// <summary>Binds a submission to the flow named by <c>?flow=</c> and answers what <paramref name="submit"/> decides.</summary>
    public async Task<IResult> SubmitAsync<TFlow>(HttpContext context, FlowBinding binding, Func<FlowSubmission<TFlow>, Task<FlowOutcome>> submit, CancellationToken ct)
        where TFlow : Flow
    {
        var request = await ReadAsync(context, ct);
        if (binding.BeforeLoad?.Invoke(request) is { } early)
        {
            return responder.Respond(context, request, early);
        }

        var flow = await store.GetAsync<TFlow>(FlowRequests.FlowId(context), ct) ?? throw KratosErrors.NotFound(binding.NotFound);
        if (!flow.IsBrowser)
        {
            // Errors of API flows are answered as JSON, not through the error UI.
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        FlowSubmission<TFlow> submission;
        if (flow.IsExpired(Clock.Now(clock)))
        {
            submission = new FlowSubmission<TFlow>(flow, request, [], expired: true, null, null);
        }
        else
        {
            var payload = await FlowPayloadReader.ReadAsync(context.Request, ct);
            flow.TransientPayload = payload["transient_payload"] as JsonObject;
            var submitted = FlowPayloadReader.Text(payload, "csrf_token");
            var (violation, refusal) = CheckCsrf(context, flow, submitted);
            submission = new FlowSubmission<TFlow>(flow, request, payload, expired: false, violation, refusal)
            {
                TokenlessFromOwnOrigin = string.IsNullOrEmpty(submitted) && FromOwnOrigin(context.Request),
            };
            if (await throttle.BeforeSubmitAsync(context, flow.Kind, payload, ct) is { } throttled)
            {
                // Nothing of the submission is processed or stored; the flow only carries the message for its page.
                flow.Ui.ResetMessages();
                flow.Ui.Messages.Add(Messages.ErrorValidationThrottled(throttled.RetryAfterSeconds));
                await store.UpdateAsync(flow, ct);
                return responder.Respond(context, request, new FlowOutcome.Throttled(flow, throttled.RetryAfterSeconds));
            }
        }

        var outcome = await submit(submission);
        await throttle.AfterSubmitAsync(outcome is FlowOutcome.Invalid, ct);
        return responder.Respond(context, request, outcome);
    }

    // A browser names the page's origin on every cross-site POST; no Origin is a client that is not a browser page.
    private bool FromOwnOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var o = options.CurrentValue;
        var own = new Uri(FlowUrls.Public(o, "/")).GetLeftPart(UriPartial.Authority);
        var cors = o.Serve.Public.Cors;
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || (cors.Enabled && cors.AllowedOrigins.Any(a => !a.Contains('*') && string.Equals(a.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)));
    }

    // Taken now, surfaced when the service asks (some steps, like a code link opened in a mail, need no token).
    private (CustosException? Violation, UiText? Refusal) CheckCsrf(HttpContext context, Flow flow, string? submitted)
    {
        try
        {
            csrf.EnsureValid(context.Request, apiFlow: !flow.IsBrowser, submitted);
            return (null, null);
        }
        catch (CustosException e) when (!flow.IsBrowser && e.Code == StatusCodes.Status400BadRequest)
        {
            return (null, Messages.ErrorValidationGeneric(e.Reason ?? e.Message));
        }
        catch (CustosException e)
        {
            return (e, null);
        }
    }
}
