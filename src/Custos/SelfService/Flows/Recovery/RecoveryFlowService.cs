using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>
/// Recovery flows (<c>choose_method</c> → <c>sent_email</c> → <c>passed_challenge</c>). The flow's method (a
/// <see cref="IRecoveryStrategy"/>: a 6-digit code by default, or a link) sends and redeems; a redeemed secret signs
/// the person in here and leads to a settings flow where the password can be changed.
/// </summary>
internal sealed partial class RecoveryFlowService(
    FlowFactory factory,
    IFlowStore store,
    IEnumerable<IRecoveryStrategy> strategies,
    RecoveryFlowReplacer replacer,
    IPrivilegedIdentityPool identities,
    SessionManager sessions,
    SettingsFlowService settings,
    HookPipeline<IPostRecoveryHook, PostRecoveryContext> hooks,
    DbSession db,
    BeforeWebHooks beforeHooks,
    Security.Throttling.FlowThrottle throttle)
{
    private const string NotFound = "The recovery request could not be found. Please restart the flow.";

    private CustosOptions O => factory.Options;

    /// <summary>How recovery submissions and reads are bound: recovery must be enabled; admin-created flows are read without their cookie.</summary>
    public FlowBinding Binding => new(NotFound, _ => EnsureEnabled(), ReadWithoutCookie);

    public async Task<FlowOutcome> CreateAsync(FlowRequest request, string type, CancellationToken ct)
    {
        EnsureEnabled();
        if (request.Session is not null)
        {
            if (type == FlowTypes.Browser && !request.AcceptsJson)
            {
                return new FlowOutcome.Redirect(factory.ReturnTo(request) ?? O.Selfservice.DefaultBrowserReturnUrl, StatusCodes.Status302Found);
            }

            throw SessionAlreadyAvailable();
        }

        var flow = factory.Init(New(type, request.Url), request);
        flow.SkipSettings = FlowQuery.Flag(request.Query, "skip_settings");
        ForNewFlows().Populate(flow);
        await beforeHooks.RunAsync(flow, request, ct);
        await store.CreateAsync(flow, ct);
        return new FlowOutcome.Created(flow);
    }

    public async Task<FlowOutcome> GetAsync(FlowRequest request, RecoveryFlow flow, CancellationToken ct)
    {
        if (flow.SkipCsrfCheck && flow.IsBrowser && flow.CsrfToken.Length == 0 && flow.State != "passed_challenge")
        {
            // The first browser to open an admin-created flow binds it, so that its later submissions carry a token.
            flow.CsrfToken = request.EnsureCsrf();
            await store.UpdateAsync(flow, ct);
        }

        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: !flow.IsBrowser);
        }

        if (flow.State != "passed_challenge")
        {
            factory.AddCsrfNode(flow);
        }

        return new FlowOutcome.Json(flow.ToJson());
    }

    /// <summary>
    /// The method a flow belongs to: as in Kratos, the one that issued its code or link (a flow an admin created with
    /// <c>/admin/recovery/link</c> is a link flow whatever <c>use</c> says), else the one <c>use</c> names; null when
    /// no registered method has that name.
    /// </summary>
    internal static IRecoveryStrategy? Owner(IEnumerable<IRecoveryStrategy> strategies, RecoveryFlow flow, AddressFlowStrategy use) =>
        flow.Active is { } active ? strategies.FirstOrDefault(s => s.Method == active) : strategies.FirstOrDefault(s => s.Use == use);

    internal static RecoveryFlow New(string type, string requestUrl) =>
        new() { Id = Guid.NewGuid(), Type = type, RequestUrl = requestUrl, Ui = new UiContainer { Action = "" } };

    internal static CustosException SessionAlreadyAvailable() =>
        new(400, "you are already logged in", "A valid session was detected and thus recovery is not possible.", "session_already_available");

    private IRecoveryStrategy? Owner(RecoveryFlow flow) => Owner(strategies, flow, O.Selfservice.Flows.Recovery.Use);

    private IRecoveryStrategy ForNewFlows() => strategies.First(s => s.Use == O.Selfservice.Flows.Recovery.Use);

    // Flows an admin created are opened from a link the admin handed out, in a browser without the flow's cookie.
    private static bool ReadWithoutCookie(Flow flow) => flow is RecoveryFlow { SkipCsrfCheck: true };

    private FlowOutcome? EnsureEnabled() => O.Selfservice.Flows.Recovery.Enabled
        ? null
        : throw KratosErrors.BadRequest("Recovery is not allowed because it was disabled.");

    /// <summary>
    /// A new flow in place of <paramref name="old"/>, of its method while that is enabled, else of the one <c>use</c> names.
    /// </summary>
    private Task<RecoveryFlow> ReplaceAsync(FlowRequest request, RecoveryFlow old, UiText message, CancellationToken ct)
    {
        var method = old.Active is not null && Owner(old) is { } owner && owner.IsEnabled(O) ? owner : ForNewFlows();
        return replacer.ReplaceAsync(request, old, method, message, ct);
    }
}
