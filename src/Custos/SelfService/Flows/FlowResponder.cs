using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.Sessions;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows;

/// <summary>
/// The only place where browser, SPA and API clients are answered differently: a 303 to the UI with
/// <c>?flow=</c>, the flow as JSON, or a 422 <c>browser_location_change_required</c>.
/// </summary>
internal sealed class FlowResponder(IOptionsMonitor<CustosOptions> options, SessionCookie sessionCookie, CsrfCookie csrfCookie, ContinuityCookie continuityCookie)
{
    private CustosOptions O => options.CurrentValue;

    /// <summary>
    /// The answer to a flow step's <paramref name="outcome"/>, with the cookies the step set: they are written only
    /// now, after the step (and its transaction) finished.
    /// </summary>
    public IResult Respond(HttpContext context, FlowRequest request, FlowOutcome outcome)
    {
        WriteCookies(context, request.Cookies);
        return outcome switch
        {
            FlowOutcome.Created c => Created(context, c.Flow),
            FlowOutcome.Invalid i => Invalid(context, i.Flow),
            FlowOutcome.Step s => Step(context, s.Flow, s.Status),
            FlowOutcome.Replaced r => Replaced(context, r.Expired, r.Replacement, r.Now),
            FlowOutcome.Superseded s => Superseded(context, s.Replacement),
            FlowOutcome.ExpiredToReplacement e => ExpiredToReplacement(context, e.Expired, e.Replacement),
            FlowOutcome.Succeeded s => Succeeded(request, s),
            FlowOutcome.Redirect r => Redirect(r.Url, r.Status),
            FlowOutcome.Navigate n => Navigate(context, n.Url),
            FlowOutcome.Error e => e.HttpStatus is { } status ? new StatusOverride(status, new ErrorResult(e.Exception)) : new ErrorResult(e.Exception),
            FlowOutcome.Throttled t => Throttled(context, t.Flow, t.RetryAfterSeconds),
            FlowOutcome.Json j => Results.Json(j.Body, statusCode: j.Status),
            _ => throw new InvalidOperationException($"Unknown flow outcome {outcome.GetType().Name}."),
        };
    }

    private static IResult Succeeded(FlowRequest request, FlowOutcome.Succeeded s)
    {
        if (!s.Flow.IsBrowser)
        {
            return Results.Json(s.Api);
        }

        return request.IsJson ? Results.Json(s.Spa ?? s.Api) : Redirect(s.BrowserRedirect);
    }

    private void WriteCookies(HttpContext context, PendingCookies cookies)
    {
        if (cookies.Csrf is { } csrf)
        {
            csrfCookie.Set(context, csrf);
        }

        if (cookies.Session is { } session)
        {
            sessionCookie.Write(context, session.Token, session.ExpiresAt);
        }
        else if (cookies.DeleteSession)
        {
            sessionCookie.Delete(context);
        }

        if (cookies.Continuity is not null || cookies.DeleteContinuity)
        {
            continuityCookie.Write(context.Response, cookies.Continuity);
        }
    }

    /// <summary>A flow was created: browsers go to the UI, JSON clients get the flow.</summary>
    public IResult Created(HttpContext context, Flow flow) =>
        flow.IsBrowser && !ContentNegotiation.AcceptsJson(context.Request)
            ? Redirect(FlowUrls.Ui(flow.Kind, O, flow.Id))
            : Results.Json(flow.ToJson());

    /// <summary>The flow carries validation messages: 400 JSON, or back to the UI (registration: 302, like Kratos).</summary>
    public IResult Invalid(HttpContext context, Flow flow) => WantsJson(context, flow)
        ? Results.Json(flow.ToJson(), statusCode: StatusCodes.Status400BadRequest)
        : Redirect(FlowUrls.Ui(flow.Kind, O, flow.Id), flow.Kind == FlowKind.Registration ? StatusCodes.Status302Found : StatusCodes.Status303SeeOther);

    /// <summary>A step that JSON clients see as the flow with a status (200, or 400 for "code sent"-style steps); browsers go back to the UI.</summary>
    public IResult Step(HttpContext context, Flow flow, int status) => WantsJson(context, flow)
        ? Results.Json(flow.ToJson(), statusCode: status)
        : Redirect(FlowUrls.Ui(flow.Kind, O, flow.Id));

    /// <summary>A throttled submission: 429 with <c>Retry-After</c> and Kratos's error envelope for JSON, the flow's page for browsers.</summary>
    public IResult Throttled(HttpContext context, Flow flow, int retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return WantsJson(context, flow)
            ? new ErrorResult(new CustosException(StatusCodes.Status429TooManyRequests, "The request was rate limited.",
                $"Too many attempts. Please try again in {retryAfterSeconds} seconds.", "too_many_requests")
            {
                Details = new JsonObject { ["retry_after_seconds"] = retryAfterSeconds },
            })
            : Invalid(context, flow);
    }

    /// <summary>An expired flow was replaced: 410 with <c>use_flow_id</c> for JSON, the UI of the new flow for browsers.</summary>
    public IResult Replaced(HttpContext context, Flow expired, Flow replacement, DateTime now)
    {
        if (!WantsJson(context, expired))
        {
            return Redirect(FlowUrls.Ui(replacement.Kind, O, replacement.Id));
        }

        var ago = now - expired.ExpiresAt;
        var error = new CustosException(410, "self-service flow expired",
            $"The self-service flow expired {ago.TotalMinutes:0.00} minutes ago, initialize a new one.", "self_service_flow_expired")
        {
            TopLevel = new JsonObject
            {
                ["expired_at"] = KratosTime.Format(expired.ExpiresAt),
                ["since"] = (long)(ago.Ticks * 100),
                ["use_flow_id"] = replacement.Id.ToString("D"),
            },
        };
        return new ErrorResult(error);
    }

    /// <summary>
    /// A flow that cannot go on (completed, or too many code attempts) was replaced: 410
    /// <c>self_service_flow_replaced</c> with <c>use_flow_id</c> for JSON, the new flow's UI for browsers.
    /// </summary>
    public IResult Superseded(HttpContext context, Flow replacement)
    {
        if (!WantsJson(context, replacement))
        {
            return Redirect(FlowUrls.Ui(replacement.Kind, O, replacement.Id));
        }

        return new ErrorResult(new CustosException(410, "self-service flow replaced", "An error occured, please use the new flow.", "self_service_flow_replaced")
        {
            TopLevel = new JsonObject { ["use_flow_id"] = replacement.Id.ToString("D") },
        });
    }

    /// <summary>
    /// A recovery or verification submit hit an expired flow: Kratos sends JSON clients (303) to the new flow's
    /// resource rather than answering 410, and browsers to its UI.
    /// </summary>
    public IResult ExpiredToReplacement(HttpContext context, Flow expired, Flow replacement) => WantsJson(context, expired)
        ? Redirect(FlowUrls.Public(O, $"/self-service/{FlowKinds.Segment(replacement.Kind)}/flows?id={replacement.Id:D}"))
        : Redirect(FlowUrls.Ui(replacement.Kind, O, replacement.Id));

    /// <summary>The browser must navigate: 303 for browsers, 422 <c>browser_location_change_required</c> for JSON.</summary>
    public IResult Navigate(HttpContext context, string url)
    {
        return ContentNegotiation.IsJsonRequest(context.Request) ? LocationChangeRequired(url) : Redirect(url);
    }

    /// <summary>422 <c>browser_location_change_required</c> with <c>redirect_browser_to</c>.</summary>
    public static IResult LocationChangeRequired(string url)
    {
        return new ErrorResult(new CustosException(422, "browser location change required", $"In order to complete this flow please redirect the browser to: {url}", "browser_location_change_required")
        {
            TopLevel = new JsonObject { ["redirect_browser_to"] = url },
        });
    }

    public static IResult Redirect(string url, int status = StatusCodes.Status303SeeOther) => new RedirectResult(url, status);

    /// <summary>API flows and JSON requests are answered with JSON; browser form posts with redirects.</summary>
    public static bool WantsJson(HttpContext context, Flow flow) => !flow.IsBrowser || ContentNegotiation.IsJsonRequest(context.Request);

    private sealed class RedirectResult(string url, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }

    /// <summary>Writes <paramref name="inner"/> and then forces the status.</summary>
    private sealed class StatusOverride(int status, IResult inner) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.OnStarting(() =>
            {
                httpContext.Response.StatusCode = status;
                return Task.CompletedTask;
            });
            await inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>An error envelope as a result (for enhanced errors that are answers, not failures).</summary>
    public sealed class ErrorResult(CustosException error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => ErrorEnvelope.WriteAsync(httpContext, error, keepCookies: true);
    }
}
