namespace Custos.SelfService.Flows.Submit;

/// <summary>How a flow kind is bound: its not-found text and a check of the request that runs before the flow is loaded.</summary>
/// <param name="NotFound">The reason of the 404 for an unknown flow id.</param>
/// <param name="BeforeLoad">
/// A check that Kratos makes before it loads the flow (registration: a signed-in client is sent away; settings: a
/// session is required). A non-null outcome is the answer; it may also throw.
/// </param>
/// <param name="ReadsWithoutCookie">
/// Browser flows that a read (<c>/flows?id=</c>) serves without the CSRF cookie they were made with (a recovery flow an
/// admin created is opened from a link, in a browser that never saw it); null: none.
/// </param>
internal sealed record FlowBinding(string NotFound, Func<FlowRequest, FlowOutcome?>? BeforeLoad = null, Func<Flow, bool>? ReadsWithoutCookie = null);
