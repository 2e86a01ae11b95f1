using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Strategies.Oidc.TokenExchange;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Custos.Sessions.Assurance;

namespace Custos.SelfService.Flows.Login;

/// <summary>Creates, reads and completes login flows; the responder decides how each outcome is sent.</summary>
internal sealed partial class LoginFlowService(
    FlowFactory factory,
    IFlowStore store,
    SessionManager sessions,
    IEnumerable<ILoginStrategy> strategies,
    LoginForms forms,
    IIdentityPool identities,
    HookPipeline<IPostLoginHook, PostLoginContext> hooks,
    SessionAalGuard aal,
    FlowNodeSorter sorter,
    DbSession db,
    BeforeWebHooks beforeHooks,
    IEnumerable<ILoginLinker> linkers,
    ISessionTokenExchanges exchanges,
    Security.Throttling.FlowThrottle throttle)
{
    /// <summary>How a login submission is bound.</summary>
    public static readonly FlowBinding Binding = new("The login flow could not be found.");

    public async Task<FlowOutcome> CreateAsync(FlowRequest request, string type, CancellationToken ct)
    {
        var refresh = FlowQuery.Flag(request.Query, "refresh");
        var aal = FlowQuery.Aal(request.Query);
        // As in Kratos, the schema is only chosen (and checked) for a first-factor login.
        var identitySchema = aal == "aal1" ? FlowQuery.IdentitySchema(request.Query, factory.Options.Identity) : null;
        var session = request.Session?.Session;
        if (session is null && aal == "aal2")
        {
            throw new CustosException(401, "The request could not be authorized", "You can not requested a higher AAL (AAL2/AAL3) without an active session.", "session_aal1_required");
        }

        if (session is not null && !refresh && string.CompareOrdinal(aal, session.AuthenticatorAssuranceLevel) <= 0)
        {
            return AlreadyLoggedIn(request, type);
        }

        var flow = factory.Init(new LoginFlow
        {
            Id = Guid.NewGuid(),
            Type = type,
            RequestUrl = request.Url,
            Ui = new UiContainer { Action = "" },
            Refresh = refresh && session is not null,
            RequestedAal = aal,
            IdentitySchema = identitySchema,
        }, request);
        if (flow.Refresh)
        {
            flow.Ui.Messages.Add(Messages.InfoSelfServiceLoginReAuth());
        }

        if (aal == "aal2")
        {
            flow.Ui.Messages.Add(Messages.InfoSelfServiceLoginMFA());
        }

        var form = await FormForAsync(flow, session, ct);
        await PopulateAsync(flow, form, ct);
        await sorter.SortAsync(flow, null, ct);
        await beforeHooks.RunAsync(flow, request, ct);
        if (form.Mode == LoginFormMode.SecondFactor && Enabled().OfType<IFastLoginStrategy>().Any())
        {
            return await CreateWithFastLoginAsync(flow, form.Identity!, ct);
        }

        // Kratos hands a native app a session token exchange code only when it has no session yet (strconv.ParseBool).
        var withExchange = session is null && type == FlowTypes.Api && FlowQuery.Flag(request.Query, "return_session_token_exchange_code");
        await (withExchange ? CreateWithExchangeAsync(flow, ct) : store.CreateAsync(flow, ct));
        return new FlowOutcome.Created(flow);
    }

    private Task CreateWithExchangeAsync(LoginFlow flow, CancellationToken ct) => db.RunInTransactionAsync(async c =>
    {
        await store.CreateAsync(flow, c);
        flow.SessionTokenExchangeCode = await exchanges.CreateAsync(flow.Id, c);
    }, ct);

    // A step-up with one way forward skips the choice (Kratos's FastLogin2FA): the flow, the code and its message are
    // stored together, or none of them.
    private Task<FlowOutcome> CreateWithFastLoginAsync(LoginFlow flow, Identity.Identity identity, CancellationToken ct) =>
        db.RunInTransactionAsync(async c =>
        {
            await store.CreateAsync(flow, c);
            foreach (var strategy in Enabled().OfType<IFastLoginStrategy>())
            {
                if (await strategy.FastSecondFactorAsync(flow, identity, c) is { } outcome)
                {
                    await store.UpdateAsync(flow, c);
                    return outcome;
                }
            }

            return new FlowOutcome.Created(flow);
        }, ct);

    public Task<FlowOutcome> GetAsync(LoginFlow flow)
    {
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(factory.Options, ""), withId: true);
        }

        factory.AddCsrfNode(flow);
        return Task.FromResult<FlowOutcome>(new FlowOutcome.Json(flow.ToJson()));
    }

    // A refresh is bound to the signed-in identity (its identifier as a hidden field); a step-up shows that
    // identity's second factors; a first login is the unified form or identifier-first's step 1.
    private async Task<LoginForm> FormForAsync(LoginFlow flow, Session? session, CancellationToken ct)
    {
        var identity = session?.Identity;
        if (flow.RequestedAal != "aal1" && identity is not null)
        {
            // Which second factors to offer depends on the credentials, which a session's identity may not carry:
            // loaded once here for every strategy.
            return new LoginForm(LoginFormMode.SecondFactor, await identities.GetAsync(identity.Id, withCredentials: true, ct) ?? identity);
        }

        if (flow.Refresh && identity is not null)
        {
            var identifier = identity.Credentials.GetValueOrDefault(CredentialTypes.Password)?.Identifiers.FirstOrDefault() ?? identity.VerifiableAddresses.FirstOrDefault()?.Value;
            return new LoginForm(LoginFormMode.Refresh, identity, identifier);
        }

        return factory.Options.Selfservice.Flows.Login.Style == Config.LoginStyle.IdentifierFirst
            ? new LoginForm(LoginFormMode.Identification)
            : LoginForm.FirstFactor;
    }

    private Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct) => forms.PopulateAsync(flow, form, ct);

    private FlowOutcome.Redirect AlreadyLoggedIn(FlowRequest request, string type)
    {
        if (type == FlowTypes.Browser && !request.AcceptsJson)
        {
            // Kratos sends a signed-in browser to return_to or the global default, not to the login's after-URL.
            return new FlowOutcome.Redirect(factory.ReturnTo(request) ?? factory.Options.Selfservice.DefaultBrowserReturnUrl);
        }

        throw SessionAlreadyAvailable();
    }

    internal static CustosException SessionAlreadyAvailable() => new(400, "you are already logged in",
        "A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?", "session_already_available");

    private IEnumerable<ILoginStrategy> Enabled() => forms.Enabled();

    private string ReturnUrl(string? returnTo, string method)
    {
        var o = factory.Options;
        return !string.IsNullOrEmpty(returnTo) ? returnTo
            : o.Selfservice.Flows.Login.After.DefaultBrowserReturnUrlFor(method)
              ?? o.Selfservice.Flows.Login.After.DefaultBrowserReturnUrl
              ?? o.Selfservice.DefaultBrowserReturnUrl;
    }
}
