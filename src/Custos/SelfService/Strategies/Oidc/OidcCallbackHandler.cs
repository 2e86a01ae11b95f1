using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// The provider's redirect back (strategies contract §5.4): the checks in Kratos's order — state present and ours, the
/// flow it names, the provider in the path, the pending sign-in's state and browser binding, not expired, never used
/// before — then the provider's error or code, the exchange, and the flow resumed with the answer. Failures before a
/// flow is known are errors (the error UI for browsers); later ones are shown on the flow.
/// </summary>
internal sealed class OidcCallbackHandler(
    FlowBinder binder,
    FlowResponder responder,
    IFlowStore store,
    IOidcProviders providers,
    OidcRedirect redirect,
    OidcResume resume,
    IPrivilegedIdentityPool identities,
    WebAuthn.IWebAuthnStore spent,
    TokenExchange.ISessionTokenExchanges exchanges,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock)
{
    private const string Prefix = "Unable to complete OpenID Connect flow because ";

    public async Task<IResult> HandleAsync(HttpContext context, string? providerId, CancellationToken ct)
    {
        if (!options.CurrentValue.Selfservice.Methods.Oidc.Enabled)
        {
            throw KratosErrors.EndpointDisabled();
        }

        var request = await binder.ReadAsync(context, ct);
        var query = context.Request.Query;
        var state = query["state"].ToString();
        if (state.Length == 0)
        {
            throw KratosErrors.BadRequest(Prefix + "the OpenID Provider did not return the state query parameter.");
        }

        var named = OidcState.Parse(state) ?? throw InvalidState();
        var flow = await LoadAsync(named.Kind, named.FlowId, ct) ?? throw InvalidState();
        if (!flow.IsBrowser)
        {
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        var pending = OidcPending.Read(flow.StrategyContext) ?? throw InvalidState();
        if (providerId is not null && providerId != pending.Provider)
        {
            throw KratosErrors.BadRequest("Unable to complete OpenID Connect flow: provider mismatch between internal state and URL.");
        }

        if (!OidcPending.Matches(state, pending.StateHash))
        {
            throw KratosErrors.BadRequest(Prefix + "the query state parameter does not match the state parameter from the session cookie.");
        }

        var now = Clock.Now(clock);
        if (flow.IsBrowser && !OidcPending.Matches(ContinuityCookie.Read(context.Request), pending.BindingHash) || pending.ExpiresAt <= now)
        {
            throw KratosErrors.BadRequest("The browser does not contain the necessary cookie to resume the session. This is a security violation and was blocked. Please clear your browser's cookies and cache and try again!");
        }

        // A state answers once: a replayed or parallel callback finds it spent.
        if (!await spent.TrySpendChallengeAsync(System.Text.Encoding.UTF8.GetBytes("oidc-state:" + state), now, ct))
        {
            throw InvalidState();
        }

        OidcPending.Clear(flow.StrategyContext);
        if (flow.IsBrowser)
        {
            request.Cookies.ExpireContinuity();
        }

        var outcome = await CompleteAsync(flow, request, pending, query, ct);
        return responder.Respond(context, request, await ForAppAsync(outcome, ct));
    }

    /// <summary>
    /// A native app's flow with a session token exchange ends in its <c>return_to</c> (§5.9): <c>?code=</c> to trade for
    /// the session, or <c>?code=…&amp;flow=…</c> when the flow needs the person again (missing traits, linking).
    /// </summary>
    private async Task<FlowOutcome> ForAppAsync(FlowOutcome outcome, CancellationToken ct)
    {
        if (outcome is FlowOutcome.Succeeded { Flow: { IsBrowser: false } done } success
            && success.Api["session"]?["id"]?.GetValue<string>() is { } sessionId
            && await exchanges.CompleteAsync(done.Id, Guid.Parse(sessionId), ct) is { } code)
        {
            return new FlowOutcome.Redirect(AppReturn(done, ("code", code)));
        }

        if (outcome is FlowOutcome.Invalid { Flow: { IsBrowser: false } shown } && await exchanges.PendingReturnToCodeAsync(shown.Id, ct) is { } pendingCode)
        {
            return new FlowOutcome.Redirect(AppReturn(shown, ("code", pendingCode), ("flow", shown.Id.ToString("D"))));
        }

        return outcome;
    }

    private string AppReturn(Flow flow, params (string Key, string Value)[] query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            flow.ReturnTo ?? options.CurrentValue.Selfservice.DefaultBrowserReturnUrl,
            query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));

    private async Task<FlowOutcome> CompleteAsync(Flow flow, FlowRequest request, OidcPending pending, IQueryCollection query, CancellationToken ct)
    {
        var provider = providers.Find(pending.Provider);
        if (provider is null)
        {
            return await resume.FailAsync(flow, Messages.ErrorValidationGeneric($"OpenID Connect Provider \"{pending.Provider}\" is unknown or has not been configured"), ct);
        }

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            var reason = Prefix + $"the OpenID Provider returned error \"{error}\": {query["error_description"]}";
            return await resume.FailAsync(flow, Messages.ErrorValidationGeneric(reason), ct, provider.Config);
        }

        var code = query["code"].ToString() is { Length: > 0 } c ? c : query["authCode"].ToString();
        if (code.Length == 0)
        {
            return await resume.FailAsync(flow, Messages.ErrorValidationGeneric(Prefix + "the OpenID Provider did not return the code query parameter."), ct, provider.Config);
        }

        OidcCallbackResult result;
        try
        {
            var parameters = query.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
            result = await provider.CompleteAsync(new OidcCallbackRequest(code, redirect.RedirectUri(provider.Config), pending.CodeVerifier, parameters), ct);
        }
        catch (OidcProviderException e)
        {
            return await resume.FailAsync(flow, Messages.ErrorValidationGeneric(e.Message), ct, provider.Config);
        }

        var existing = await identities.FindByCredentialsIdentifierAsync(CredentialTypes.Oidc, OidcCredentialConfig.Identifier(provider.Config.Id, result.Claims.Subject), ct);
        flow.TransientPayload ??= pending.TransientPayload;
        return await resume.ResumeAsync(flow, request, new OidcCallback(flow.Id, provider, result.Claims, result.Tokens, pending.Traits, existing), ct);
    }

    private async Task<Flow?> LoadAsync(FlowKind kind, Guid id, CancellationToken ct) => kind switch
    {
        FlowKind.Login => await store.GetAsync<LoginFlow>(id, ct),
        FlowKind.Registration => await store.GetAsync<RegistrationFlow>(id, ct),
        FlowKind.Settings => await store.GetAsync<SettingsFlow>(id, ct),
        _ => null,
    };

    private static CustosException InvalidState() => KratosErrors.BadRequest(Prefix + "the state parameter is invalid.");
}
