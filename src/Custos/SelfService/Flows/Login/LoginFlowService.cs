using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Hooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Login;

/// <summary>Creates, reads and completes login flows; the responder decides how each outcome is sent.</summary>
internal sealed partial class LoginFlowService(
    FlowFactory factory,
    IFlowStore store,
    FlowResponder responder,
    SessionManager sessions,
    IEnumerable<ILoginStrategy> strategies,
    HookPipeline<IPostLoginHook, PostLoginContext> hooks,
    DbSession db)
{
    public async Task<IResult> CreateAsync(HttpContext context, string type, CancellationToken ct)
    {
        var refresh = FlowQuery.Flag(context.Request, "refresh");
        var aal = FlowQuery.Aal(context.Request);
        // As in Kratos, the schema is only chosen (and checked) for a first-factor login.
        var identitySchema = aal == "aal1" ? FlowQuery.IdentitySchema(context.Request, factory.Options.Identity) : null;
        var session = await sessions.FromRequestAsync(context, ct);
        if (session is null && aal == "aal2")
        {
            throw new CustosException(401, "The request could not be authorized", "You can not requested a higher AAL (AAL2/AAL3) without an active session.", "session_aal1_required");
        }

        if (session is not null && !refresh && string.CompareOrdinal(aal, session.AuthenticatorAssuranceLevel) <= 0)
        {
            return AlreadyLoggedIn(context, type);
        }

        var flow = factory.Init(new LoginFlow
        {
            Id = Guid.NewGuid(),
            Type = type,
            RequestUrl = FlowUrls.RequestUrl(context, factory.Options),
            Ui = new UiContainer { Action = "" },
            Refresh = refresh && session is not null,
            RequestedAal = aal,
            IdentitySchema = identitySchema,
        }, context);
        string? identifier = null;
        if (flow.Refresh && session?.Identity is { } identity)
        {
            identifier = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault()
                ?? identity.VerifiableAddresses.FirstOrDefault()?.Value;
            flow.Ui.Messages.Add(Messages.InfoSelfServiceLoginReAuth());
        }

        foreach (var strategy in Enabled())
        {
            await strategy.PopulateAsync(flow, identifier, ct);
        }

        await store.CreateAsync(flow, ct);
        return responder.Created(context, flow);
    }

    public async Task<IResult> GetAsync(HttpContext context, CancellationToken ct)
    {
        var flow = await store.GetAsync<LoginFlow>(FlowRequests.FlowId(context, "id"), ct) ?? throw KratosErrors.NotFound("The login flow could not be found.");
        factory.VerifyCsrfCookie(context, flow);
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(factory.Options, ""), withId: true);
        }

        factory.AddCsrfNode(flow);
        return Results.Json(flow.ToJson());
    }

    private IResult AlreadyLoggedIn(HttpContext context, string type)
    {
        if (type == FlowTypes.Browser && !ContentNegotiation.AcceptsJson(context.Request))
        {
            // Kratos sends a signed-in browser to return_to or the global default, not to the login's after-URL.
            return FlowResponder.Redirect(factory.ReturnTo(context) ?? factory.Options.Selfservice.DefaultBrowserReturnUrl);
        }

        throw SessionAlreadyAvailable();
    }

    internal static CustosException SessionAlreadyAvailable() => new(400, "you are already logged in",
        "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?", "session_already_available");

    private IEnumerable<ILoginStrategy> Enabled() => strategies.Where(s => s.IsEnabled(factory.Options));

    private string ReturnUrl(string? returnTo, string method)
    {
        var o = factory.Options;
        return !string.IsNullOrEmpty(returnTo) ? returnTo
            : o.Selfservice.Flows.Login.After.DefaultBrowserReturnUrlFor(method)
              ?? o.Selfservice.Flows.Login.After.DefaultBrowserReturnUrl
              ?? o.Selfservice.DefaultBrowserReturnUrl;
    }
}
