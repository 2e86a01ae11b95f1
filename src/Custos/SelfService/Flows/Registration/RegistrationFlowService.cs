using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Persistence;
using Custos.Schema;
using Custos.SelfService.Flows.Auditing;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Strategies.Oidc.TokenExchange;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Registration;

/// <summary>
/// Creates, reads and completes registration flows, profile-first (traits, then the credential) or unified (one
/// form); the strategies own their nodes and submissions, the responder decides how each outcome is sent.
/// </summary>
internal sealed partial class RegistrationFlowService(
    FlowFactory factory,
    IFlowStore store,
    IdentitySchemaProvider schemas,
    RegistrationIdentities identities,
    IEnumerable<IRegistrationStrategy> strategies,
    HookPipeline<IPostRegistrationHook, PostRegistrationContext> hooks,
    PrePersistWebHooks prePersist,
    FlowNodeSorter sorter,
    DbSession db,
    BeforeWebHooks beforeHooks,
    ISessionTokenExchanges exchanges,
    FlowAudit audit,
    RegistrationDecoy decoy)
{
    /// <summary>The reason of the 404 for an unknown registration flow id.</summary>
    public const string NotFound = "The registration flow could not be found.";

    private CustosOptions O => factory.Options;

    /// <summary>
    /// How a registration submission is bound. Kratos checks the session before it loads the flow: a signed-in browser
    /// is sent (302) to the default return URL, a JSON client gets 400 <c>session_already_available</c>.
    /// </summary>
    public FlowBinding Binding => new(NotFound, request => request.Session is null ? null
        : request.IsJson ? throw SessionAlreadyAvailable()
        : new FlowOutcome.Redirect(O.Selfservice.DefaultBrowserReturnUrl, StatusCodes.Status302Found));

    public async Task<FlowOutcome> CreateAsync(FlowRequest request, string type, CancellationToken ct)
    {
        EnsureEnabled();
        if (request.Session is not null)
        {
            if (type == FlowTypes.Browser && !request.AcceptsJson)
            {
                return new FlowOutcome.Redirect(factory.ReturnTo(request) ?? O.Selfservice.DefaultBrowserReturnUrl);
            }

            throw SessionAlreadyAvailable();
        }

        var schemaId = FlowQuery.IdentitySchema(request.Query, O.Identity);
        var flow = factory.Init(new RegistrationFlow
        {
            Id = Guid.NewGuid(),
            Type = type,
            RequestUrl = request.Url,
            Ui = new UiContainer { Action = "" },
            IdentitySchema = schemaId,
        }, request);
        var form = await FormAsync(flow, null, ct);
        await form.ShowAsync(form.FirstScreen, ct);
        await beforeHooks.RunAsync(flow, request, ct);
        // Kratos compares the flag with "true" literally here (the login flow parses it as a boolean).
        var withExchange = type == FlowTypes.Api && request.Query["return_session_token_exchange_code"] == "true";
        await (withExchange ? CreateWithExchangeAsync(flow, ct) : store.CreateAsync(flow, ct));
        return new FlowOutcome.Created(flow);
    }

    private Task CreateWithExchangeAsync(RegistrationFlow flow, CancellationToken ct) => db.RunInTransactionAsync(async c =>
    {
        await store.CreateAsync(flow, c);
        flow.SessionTokenExchangeCode = await exchanges.CreateAsync(flow.Id, c);
    }, ct);

    public Task<FlowOutcome> GetAsync(RegistrationFlow flow)
    {
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: true);
        }

        factory.AddCsrfNode(flow);
        return Task.FromResult<FlowOutcome>(new FlowOutcome.Json(flow.ToJson()));
    }

    /// <summary>Creating or reading a flow is refused (400 <c>self_service_flow_disabled</c>) when registration is disabled.</summary>
    public void EnsureEnabled()
    {
        if (!O.Selfservice.Flows.Registration.Enabled)
        {
            throw new CustosException(400, "registration flow disabled", "Registration is not allowed because it was disabled.", "self_service_flow_disabled");
        }
    }

    internal static CustosException SessionAlreadyAvailable() =>
        new(400, "you are already logged in", "A valid session was detected and thus registration is not possible.", "session_already_available");

    private List<IRegistrationStrategy> Enabled() => strategies.Where(s => s.IsEnabled(O)).OrderBy(s => s.Order).ToList();

    /// <summary>
    /// The flow's form: with the submitted traits, coerced to the schema's types (a form post carries strings), or with
    /// none for a new flow.
    /// </summary>
    private async Task<RegistrationForm> FormAsync(RegistrationFlow flow, FlowSubmission<RegistrationFlow>? submission, CancellationToken ct)
    {
        var schemaId = flow.IdentitySchema ?? O.Identity.DefaultSchemaId;
        var schema = await schemas.GetAsync(schemaId, ct);
        JsonObject traits = [];
        if (submission is not null)
        {
            var payload = submission.Payload;
            traits = payload["traits"] as JsonObject ?? traits;
            FlowPayloadReader.CoerceTraits(payload, schema.Raw, submission.Request.IsForm);
            traits = payload["traits"] as JsonObject ?? traits;
        }

        var first = O.Selfservice.Flows.Registration.EffectiveStyle() == RegistrationStyle.Unified ? RegistrationScreen.Unified : RegistrationScreen.Profile;
        return new RegistrationForm(flow, schemaId, schema.Raw, traits, first, Enabled());
    }
}
