using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Auditing;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Custos.Sessions.Assurance;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Settings flows: bound to the signed-in identity; each change is made by one <see cref="ISettingsStrategy"/>.</summary>
internal sealed partial class SettingsFlowService(
    FlowFactory factory,
    IFlowStore store,
    SettingsStrategies strategies,
    SettingsUpdater updater,
    IIdentityPool identities,
    HookPipeline<IPostSettingsHook, PostSettingsContext> hooks,
    SessionManager sessions,
    SessionAalGuard aal,
    PrePersistWebHooks prePersist,
    FlowNodeSorter sorter,
    DbSession db,
    BeforeWebHooks beforeHooks,
    FlowAudit audit)
{
    private const string NotFound = "The settings request could not be found. Please restart the flow.";

    private CustosOptions O => factory.Options;

    /// <summary>How a settings submission is bound: a session is required before the flow is loaded.</summary>
    public FlowBinding Binding => new(NotFound, RequireSession);

    public async Task<FlowOutcome> CreateAsync(FlowRequest request, string type, CancellationToken ct)
    {
        if (request.Session?.Session is not { Identity: { } identity } session)
        {
            if (type == FlowTypes.Browser && !request.IsJson)
            {
                var login = FlowUrls.Public(O, "/self-service/login/browser");
                var returnTo = FlowQuery.Text(request.Query, "return_to");
                return new FlowOutcome.Redirect(returnTo is null ? login : FlowUrls.WithQuery(login, "return_to", returnTo));
            }

            throw NoSession();
        }

        var stepUp = FlowQuery.Text(request.Query, "return_to") is null ? AalStepUp.None : AalStepUp.ReturningTo(request.Url);
        if (await RequireAalAsync(session, stepUp, redirectBrowser: type == FlowTypes.Browser && !request.IsJson, ct) is { } toStepUp)
        {
            return toStepUp;
        }

        var flow = factory.Init(NewFlow(type, request.Url, identity), request);
        // The strategies' forms depend on the credentials (an app linked or not, codes or none), which a session's
        // identity may not carry.
        await PopulateAsync(flow, await LoadIdentityAsync(identity.Id, ct), ct);
        await sorter.SortAsync(flow, identity.SchemaId, ct);
        await beforeHooks.RunAsync(flow, request, ct);
        await store.CreateAsync(flow, ct);
        return new FlowOutcome.Created(flow);
    }

    /// <summary>
    /// The settings flow a successful recovery leads to: bound to the recovered identity, carrying
    /// <paramref name="message"/> (1060001) and the recovery's return URL.
    /// </summary>
    public async Task<SettingsFlow> CreateAfterRecoveryAsync(FlowRequest request, string type, Identity.Identity identity, string? returnTo, UiText message, CancellationToken ct)
    {
        var flow = factory.InitWithoutReturnTo(NewFlow(type, AfterRecoveryUrl(type, returnTo), identity), request);
        return await StoreAfterRecoveryAsync(flow, identity, message, ct);
    }

    public async Task<FlowOutcome> GetAsync(FlowRequest request, CancellationToken ct)
    {
        if (RequireSession(request) is { } answer)
        {
            return answer;
        }

        var (session, identity) = (request.Session!.Session, request.Session.Session.Identity!);
        var flow = await store.GetAsync<SettingsFlow>(FlowId(request.Query), ct) ?? throw KratosErrors.NotFound(NotFound);
        if (flow.IdentityId != identity.Id)
        {
            throw IdentityMismatch();
        }

        await RequireAalAsync(session, AalStepUp.ReturningTo(FlowUrls.Ui(FlowKind.Settings, O, flow.Id)), ct);
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: false);
        }

        factory.AddCsrfNode(flow);
        flow.IdentityJson = IdentityJson.Public(identity, FlowUrls.Public(O, "/"));
        return new FlowOutcome.Json(flow.ToJson());
    }

    internal static CustosException NoSession() =>
        new(401, "The request could not be authorized", "This endpoint can only be accessed with a valid session. Please log in and try again.", "session_inactive");

    private static CustosException IdentityMismatch() =>
        KratosErrors.Forbidden("You must restart the flow because the resumable session was initiated by another person.", "security_identity_mismatch");

    /// <summary>Reading or submitting a flow needs a session: JSON clients get 401, browsers are sent to the login UI (302).</summary>
    private FlowOutcome.Redirect? RequireSession(FlowRequest request)
    {
        if (request.Session?.Session.Identity is not null)
        {
            return null;
        }

        return request.IsJson
            ? throw new CustosException(401, "The request could not be authorized", "A valid Ory Session Cookie or Ory Session Token is missing.")
            : new FlowOutcome.Redirect(O.Selfservice.Flows.Login.UiUrl, StatusCodes.Status302Found);
    }

    /// <summary>
    /// <c>selfservice.flows.settings.required_aal</c>: with <c>highest_available</c> an identity whose credentials offer a
    /// second factor needs an aal2 session (derived from the credentials every time, never from a stored value). The
    /// one check that creating, reading and submitting a flow make: 403 <c>session_aal2_required</c> with the aal2
    /// login URL that returns here (strategies contract §6.3).
    /// </summary>
    private Task RequireAalAsync(Session session, AalStepUp stepUp, CancellationToken ct) =>
        aal.EnsureAalAsync(session, O.Selfservice.Flows.Settings.RequiredAal, stepUp, ct);

    /// <summary>
    /// As <see cref="RequireAalAsync(Session, AalStepUp, CancellationToken)"/>, except that a browser (a browser flow
    /// and no JSON asked for) is sent to the aal2 login with a 303, as Kratos's settings error handler does on create
    /// and submit; fetching a flow always answers 403.
    /// </summary>
    private async Task<FlowOutcome.Redirect?> RequireAalAsync(Session session, AalStepUp stepUp, bool redirectBrowser, CancellationToken ct)
    {
        if (!redirectBrowser)
        {
            await RequireAalAsync(session, stepUp, ct);
            return null;
        }

        return await aal.SatisfiesAalAsync(session, O.Selfservice.Flows.Settings.RequiredAal, ct) ? null : new FlowOutcome.Redirect(aal.StepUpUrl(stepUp));
    }

    private static Guid FlowId(IQueryCollection query) =>
        Guid.TryParse(query["id"].FirstOrDefault(), out var id) ? id : throw KratosErrors.BadRequest("The flow query parameter is missing or malformed.");

    private SettingsFlow NewFlow(string type, string requestUrl, Identity.Identity identity) => new()
    {
        Id = Guid.NewGuid(),
        Type = type,
        RequestUrl = requestUrl,
        Ui = new UiContainer { Action = "" },
        IdentityId = identity.Id,
        State = "show_form",
    };

    private string AfterRecoveryUrl(string type, string? returnTo)
    {
        var url = FlowUrls.Public(O, "/self-service/settings/" + (type == FlowTypes.Browser ? "browser" : "api"));
        return returnTo is null ? url : FlowUrls.WithQuery(url, "return_to", returnTo);
    }

    private async Task<SettingsFlow> StoreAfterRecoveryAsync(SettingsFlow flow, Identity.Identity identity, UiText message, CancellationToken ct)
    {
        await PopulateAsync(flow, identity, ct);
        await sorter.SortAsync(flow, identity.SchemaId, ct);
        flow.Ui.Messages.Add(message);
        await store.CreateAsync(flow, ct);
        return flow;
    }

    /// <summary>Every enabled strategy's nodes for <paramref name="identity"/>, and the identity the flow shows.</summary>
    private async Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        await strategies.PopulateAsync(flow, identity, ct);
        flow.IdentityJson = IdentityJson.Public(identity, FlowUrls.Public(O, "/"));
    }

    /// <summary>The form rendered again (after a submission): the strategies' nodes and a new mask of the CSRF token.</summary>
    private async Task RenderAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        await PopulateAsync(flow, identity, ct);
        factory.AddCsrfNode(flow);
    }
}
