using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.SelfService.Flows.Submit;

/// <summary>
/// What a flow step decided, before anyone chose how to say it: <see cref="FlowResponder"/> turns an outcome into a
/// 303, a JSON flow, a 410 or a 422 depending on the flow's type and on what the client asked for.
/// </summary>
internal abstract record FlowOutcome
{
    private FlowOutcome()
    {
    }

    /// <summary>A new flow: browsers go to its UI, JSON clients get it.</summary>
    public sealed record Created(Flow Flow) : FlowOutcome;

    /// <summary>The flow carries validation messages: 400 JSON, or back to the UI.</summary>
    public sealed record Invalid(Flow Flow) : FlowOutcome;

    /// <summary>A step shown as the flow with <paramref name="Status"/> to JSON clients ("code sent": 400); browsers go to the UI.</summary>
    public sealed record Step(Flow Flow, int Status) : FlowOutcome;

    /// <summary>An expired flow was replaced (410 <c>self_service_flow_expired</c> with <c>use_flow_id</c>).</summary>
    public sealed record Replaced(Flow Expired, Flow Replacement, DateTime Now) : FlowOutcome;

    /// <summary>A flow that cannot go on was replaced (410 <c>self_service_flow_replaced</c>).</summary>
    public sealed record Superseded(Flow Replacement) : FlowOutcome;

    /// <summary>An expired recovery or verification flow: JSON clients are sent (303) to the new flow's resource.</summary>
    public sealed record ExpiredToReplacement(Flow Expired, Flow Replacement) : FlowOutcome;

    /// <summary>
    /// The flow succeeded. API flows get <paramref name="Api"/>; browser flows asked for JSON get <paramref name="Spa"/>
    /// (or <paramref name="Api"/>); browser form posts are redirected to <paramref name="BrowserRedirect"/>.
    /// </summary>
    public sealed record Succeeded(Flow Flow, JsonObject Api, JsonObject? Spa, string BrowserRedirect) : FlowOutcome;

    /// <summary>A plain redirect (browsers only reach it, or it is what Kratos answers everyone).</summary>
    public sealed record Redirect(string Url, int Status = StatusCodes.Status303SeeOther) : FlowOutcome;

    /// <summary>The browser must navigate: 303 for form posts, 422 <c>browser_location_change_required</c> for JSON.</summary>
    public sealed record Navigate(string Url) : FlowOutcome;

    /// <summary>
    /// An error envelope that is an answer, not a failure (cookies set by the step are kept); <paramref name="HttpStatus"/>
    /// overrides the status line where Kratos sends one code in the body and another on the wire.
    /// </summary>
    public sealed record Error(CustosException Exception, int? HttpStatus = null) : FlowOutcome;

    /// <summary>
    /// <c>security.throttling</c> refused the submission: 429 <c>too_many_requests</c> with <c>Retry-After</c> for JSON;
    /// browsers go back to the flow's page, which carries the message (not to an error page).
    /// </summary>
    public sealed record Throttled(Flow Flow, int RetryAfterSeconds) : FlowOutcome;

    /// <summary>A JSON body as is.</summary>
    public sealed record Json(JsonObject Body, int Status = StatusCodes.Status200OK) : FlowOutcome;
}
