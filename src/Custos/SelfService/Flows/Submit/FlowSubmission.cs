using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Submit;

/// <summary>
/// A submission to a flow after the steps every flow shares: the flow loaded, its expiry known, the body parsed and
/// the CSRF verdict taken. Flow services and strategies work on this, never on the HTTP request.
/// </summary>
internal sealed class FlowSubmission<TFlow>
    where TFlow : Flow
{
    private readonly CustosException? _csrfViolation;
    private readonly UiText? _csrfRefusal;

    public FlowSubmission(TFlow flow, FlowRequest request, JsonObject payload, bool expired, CustosException? csrfViolation, UiText? csrfRefusal)
    {
        Flow = flow;
        Request = request;
        Payload = payload;
        Expired = expired;
        _csrfViolation = csrfViolation;
        _csrfRefusal = csrfRefusal;
    }

    public TFlow Flow { get; }

    public FlowRequest Request { get; }

    /// <summary>The parsed body (form or JSON) merged with the query; empty for an expired flow.</summary>
    public JsonObject Payload { get; }

    /// <summary>The flow had expired: the body was not read, and the service answers with a replacement.</summary>
    public bool Expired { get; }

    /// <summary>The body's <c>method</c>, or null.</summary>
    public string? Method => FlowPayloadReader.Text(Payload, "method");

    /// <summary>A text field of the body, or null.</summary>
    public string? Text(string key) => FlowPayloadReader.Text(Payload, key);

    /// <summary>
    /// Kratos's per-flow CSRF check, at the point the flow takes it: a browser flow whose token does not match throws
    /// 403 <c>security_csrf_violation</c>; an API flow that looks like a browser gets message 4000001 (returned);
    /// null means the submission may go on.
    /// </summary>
    public UiText? CheckCsrf() => _csrfViolation is not null ? throw _csrfViolation : _csrfRefusal;

    /// <summary>
    /// The body carries no <c>csrf_token</c> and the request did not come from another site (no <c>Origin</c> header, or
    /// Custos's own public origin or an exactly listed CORS origin): set by the binder for the few bodies Kratos's API
    /// gives no <c>csrf_token</c> field (settings <c>oidc</c> link and unlink), which such a request may submit.
    /// </summary>
    public bool TokenlessFromOwnOrigin { get; init; }

    /// <summary>
    /// The body starts a social sign-in (a <c>provider</c>, method <c>oidc</c> or none). Kratos checks no CSRF token
    /// there and documents <c>GET /self-service/login?flow=…&amp;provider=…</c>; starting only sends the browser to the
    /// provider, and the continuity cookie binds the way back.
    /// </summary>
    public bool StartsSocialSignIn => Text("provider") is { Length: > 0 } && Method is null or "" or "oidc";

    /// <summary><see cref="CheckCsrf()"/>, except that a tokenless body from Custos's own origin passes when <paramref name="tokenlessAllowed"/>.</summary>
    public UiText? CheckCsrf(bool tokenlessAllowed) => tokenlessAllowed && TokenlessFromOwnOrigin ? null : CheckCsrf();
}
