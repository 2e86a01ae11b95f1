using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Auditing;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Verification;

/// <summary>
/// Verification flows (<c>choose_method</c> → <c>sent_email</c> → <c>passed_challenge</c>) with the method (a
/// <see cref="IVerificationStrategy"/>) that <c>selfservice.flows.verification.use</c> names: a 6-digit code (default)
/// or a link. The method sends and redeems; a redeemed secret verifies its address here.
/// </summary>
internal sealed partial class VerificationFlowService(
    FlowFactory factory,
    IFlowStore store,
    IEnumerable<IVerificationStrategy> strategies,
    VerificationFlowReplacer replacer,
    IPrivilegedIdentityPool identities,
    DbSession db,
    BeforeWebHooks beforeHooks,
    CommittedWebHooks afterHooks,
    FlowAudit audit)
{
    private const string NotFound = "The verification request could not be found. Please restart the flow.";

    private CustosOptions O => factory.Options;

    /// <summary>How verification submissions and reads are bound: verification must be enabled.</summary>
    public FlowBinding Binding => new(NotFound, _ => EnsureEnabled());

    /// <summary>The method of every verification flow: verification follows <c>use</c> alone.</summary>
    private IVerificationStrategy Strategy => strategies.First(s => s.Use == O.Selfservice.Flows.Verification.Use);

    public async Task<FlowOutcome> CreateAsync(FlowRequest request, string type, CancellationToken ct)
    {
        EnsureEnabled();
        var flow = factory.Init(New(type, request.Url), request);
        Strategy.Populate(flow);
        await beforeHooks.RunAsync(flow, request, ct);
        await store.CreateAsync(flow, ct);
        return new FlowOutcome.Created(flow);
    }

    /// <summary>
    /// A verification flow already in <c>sent_email</c> for one address of <paramref name="identity"/>, created by a
    /// hook (registration, <c>require_verified_address</c>) rather than by the person.
    /// </summary>
    public async Task<VerificationFlow> CreateSentAsync(FlowRequest request, string type, Identity.Identity identity, VerifiableAddress address, string? returnTo, CancellationToken ct)
    {
        var requestUrl = FlowUrls.Public(O, "/self-service/verification/" + (type == FlowTypes.Browser ? "browser" : "api"));
        if (returnTo is not null)
        {
            requestUrl = FlowUrls.WithQuery(requestUrl, "return_to", returnTo);
        }

        var flow = New(type, requestUrl);
        factory.InitWithoutReturnTo(flow, request);
        await store.CreateAsync(flow, ct);
        await Strategy.SendAsync(flow, identity, address, ct);
        await store.UpdateAsync(flow, ct);
        return flow;
    }

    public Task<FlowOutcome> GetAsync(VerificationFlow flow)
    {
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: false);
        }

        if (flow.State != "passed_challenge")
        {
            factory.AddCsrfNode(flow);
        }

        return Task.FromResult<FlowOutcome>(new FlowOutcome.Json(flow.ToJson()));
    }

    internal static VerificationFlow New(string type, string requestUrl) =>
        new() { Id = Guid.NewGuid(), Type = type, RequestUrl = requestUrl, Ui = new UiContainer { Action = "" } };

    private FlowOutcome? EnsureEnabled() => O.Selfservice.Flows.Verification.Enabled
        ? null
        : throw KratosErrors.BadRequest("Verification is not allowed because it was disabled.");

    /// <summary>The address is verified: the flow becomes a "continue" link to the return URL.</summary>
    private void ShowPassed(VerificationFlow flow)
    {
        var continueUrl = ContinueUrl(flow);
        flow.State = "passed_challenge";
        flow.Ui = new UiContainer { Action = continueUrl, Method = "GET" };
        flow.Ui.Nodes.Add(UiNode.Anchor(UiNodeGroup.Code, "continue", continueUrl, Messages.InfoNodeLabelContinue()));
        flow.Ui.Messages.Add(Messages.InfoSelfServiceVerificationSuccessful());
    }

    // return_to was checked against the allow-list when the flow was created.
    private string ContinueUrl(VerificationFlow flow) =>
        flow.ReturnTo ?? O.Selfservice.Flows.Verification.After.DefaultBrowserReturnUrl ?? O.Selfservice.DefaultBrowserReturnUrl;
}
