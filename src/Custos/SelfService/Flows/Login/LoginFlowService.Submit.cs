using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Custos.Sessions.Assurance;

namespace Custos.SelfService.Flows.Login;

internal sealed partial class LoginFlowService
{
    public async Task<FlowOutcome> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (submission.Expired)
        {
            return await ReplaceExpiredAsync(submission.Request, flow, ct);
        }

        if (flow.State == "passed_challenge")
        {
            return await InvalidAsync(flow, Messages.ErrorValidationLoginRetrySuccess(), ct);
        }

        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (submission.CheckCsrf(tokenlessAllowed: submission.StartsSocialSignIn) is { } refused)
        {
            return await InvalidAsync(flow, refused, ct);
        }

        var request = submission.Request;
        var current = request.Session;
        var session = current?.Session;
        if (session is not null && !flow.Refresh && string.CompareOrdinal(flow.RequestedAal, session.AuthenticatorAssuranceLevel) <= 0)
        {
            return flow.IsBrowser && !request.IsJson
                ? new FlowOutcome.Redirect(factory.Options.Selfservice.DefaultBrowserReturnUrl)
                : await InvalidAsync(flow, Messages.ErrorValidationGeneric(SessionAlreadyAvailable().Reason!), ct);
        }

        var method = submission.Method;
        // A configured method that is switched off is a 404, as Kratos's MethodEnabledAndAllowed; identifier-first is a
        // login style, not a method, and merely declines.
        if (method != "identifier_first" && strategies.Any(s => s.Method == method && !s.IsEnabled(factory.Options)))
        {
            throw KratosErrors.EndpointDisabled();
        }

        flow.Active = method;
        foreach (var strategy in Enabled())
        {
            switch (await strategy.SubmitAsync(submission, ct))
            {
                case StrategyOutcome<LoginSucceeded>.Declined:
                    continue;
                case StrategyOutcome<LoginSucceeded>.Rejected:
                    await sorter.SortAsync(flow, null, ct);
                    await store.UpdateAsync(flow, ct);
                    return new FlowOutcome.Invalid(flow);
                case StrategyOutcome<LoginSucceeded>.Responded responded:
                    await store.UpdateAsync(flow, ct);
                    return responded.Outcome;
                case StrategyOutcome<LoginSucceeded>.Succeeded succeeded:
                    flow.Active = strategy.Method;
                    return await SucceedAsync(submission, succeeded.Value, ct);
            }
        }

        flow.Active = null;
        return await InvalidAsync(flow, Messages.ErrorValidationLoginNoStrategyFound(), ct);
    }

    private async Task<FlowOutcome> SucceedAsync(FlowSubmission<LoginFlow> submission, LoginSucceeded login, CancellationToken ct)
    {
        var (flow, request, identity) = (submission.Flow, submission.Request, login.Identity);
        if (!identity.IsActive)
        {
            return await InvalidAsync(flow, Messages.ErrorValidationIdentityDisabled(), ct);
        }

        // A code, passkey, security key or social sign-in proves the account: its password lockout ends (the password
        // strategy clears its own counters when the password matched).
        if (login.Method.Method != "password")
        {
            await throttle.ClearIdentityAsync(identity, ct);
        }

        var current = request.Session;
        if ((flow.Refresh || flow.RequestedAal != "aal1") && current is not null && current.Session.IdentityId != identity.Id)
        {
            throw KratosErrors.Forbidden("You must restart the flow because the resumable session was initiated by another person.", "security_identity_mismatch");
        }

        // Re-authentication and step-up keep the session and its token, as in Kratos.
        var resumed = (flow.Refresh || flow.RequestedAal != "aal1") && current is not null;
        var stored = resumed ? current!.Session : sessions.NewSession(identity, login.Method, request.Device);
        stored.Identity ??= identity;
        try
        {
            // The hooks' writes, the passed flow, the session: all or nothing. A hook that stops the login (an address
            // to verify) keeps its own writes and leaves the flow open, as in Kratos.
            return await db.RunInTransactionAsync(async c =>
            {
                var context = new PostLoginContext { Request = request, Flow = flow, Identity = identity, Session = stored, Method = login.Method.Method };
                if ((await hooks.RunAsync(context, c)).Outcome is { } aborted)
                {
                    if (aborted is FlowOutcome.Invalid)
                    {
                        await sorter.SortAsync(flow, null, c);
                    }

                    await store.UpdateAsync(flow, c);
                    return aborted;
                }

                if (linkers.FirstOrDefault(l => l.HasPending(flow))?.CheckOwner(flow, identity) is { } notTheOwner)
                {
                    flow.Ui.Messages.Add(notTheOwner);
                    await store.UpdateAsync(flow, c);
                    return new FlowOutcome.Invalid(flow);
                }

                if (!await store.TryMarkPassedAsync(flow, c))
                {
                    throw new FlowAlreadyPassedException();
                }

                return await CompleteAsync(context, resumed ? current : null, login.Method, c);
            }, ct);
        }
        catch (FlowAlreadyPassedException)
        {
            return await InvalidAsync(flow, Messages.ErrorValidationLoginRetrySuccess(), ct);
        }
    }

    private async Task<FlowOutcome> CompleteAsync(PostLoginContext hooked, RequestSession? resumed, AuthenticationMethod authentication, CancellationToken ct)
    {
        var (request, flow, session) = (hooked.Request, hooked.Flow, hooked.Session);
        string token;
        if (resumed is not null)
        {
            token = resumed.Token;
            await sessions.ReauthenticateAsync(session, authentication, request.Device, ct);
        }
        else
        {
            token = (await sessions.PersistAsync(session, ct)).Token;
        }

        await store.UpdateAsync(flow, ct);
        // session.whoami.required_aal: a session that still needs a second factor is issued, but is not yet a sign-in
        // the client may use as such (strategies contract §6.3).
        var satisfied = await aal.SatisfiesAalAsync(session, factory.Options.Session.Whoami.RequiredAal, ct);
        // A credential waiting to be linked joins the identity only at the assurance the sign-in needs (Kratos 8e29b68a5).
        if (satisfied && linkers.FirstOrDefault(l => l.HasPending(flow)) is { } linker && await linker.LinkAsync(flow, hooked.Identity, ct) is { } linked)
        {
            await sessions.AddAuthenticationMethodsAsync(session.Id, [linked], ct);
            await store.UpdateAsync(flow, ct);
        }

        var sessionJson = SessionJson.Write(session, factory.Now, FlowUrls.Public(factory.Options, "/"), admin: false, expandIdentity: satisfied);
        var api = new JsonObject { ["session_token"] = token, ["session"] = sessionJson };
        if (hooked.ContinueWith.Count > 0)
        {
            // show_verification_ui's item; Kratos leaves continue_with out of an API login answer without items.
            api["continue_with"] = new JsonArray([.. hooked.ContinueWith.Select(i => (JsonNode)i.DeepClone())]);
        }

        if (!flow.IsBrowser)
        {
            return new FlowOutcome.Succeeded(flow, api, null, "");
        }

        request.RotateCsrf();
        // Kratos issues the cookie on every browser login: after a re-authentication it carries the same token with
        // the session's new expiry, so the cookie does not lapse before the session it belongs to.
        request.Cookies.SetSession(token, session.ExpiresAt);
        if (!satisfied)
        {
            var stepUp = aal.StepUpUrl(AalStepUp.FromLoginRequestUrl(flow.RequestUrl));
            return linkers.FirstOrDefault(l => l.HasPending(flow)) is { } waiting
                ? await StepUpCarryingLinkAsync(request, flow, new RequestSession(session, token, SessionTokenSource.Cookie), stepUp, waiting, ct)
                : new FlowOutcome.Navigate(stepUp);
        }

        var returnUrl = ReturnUrl(flow.ReturnTo, authentication.Method);
        var spa = new JsonObject
        {
            ["session"] = sessionJson.DeepClone(),
            // Kratos adds redirect_browser_to before the hooks run, so show_verification_ui comes after it.
            ["continue_with"] = new JsonArray([new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl },
                .. hooked.ContinueWith.Select(i => (JsonNode)i.DeepClone())]),
        };
        return new FlowOutcome.Succeeded(flow, api, spa, hooked.BrowserRedirect ?? returnUrl);
    }

    /// <summary>
    /// A credential waiting to be linked when the first factor did not reach the required AAL: the second factor's flow
    /// is made here and carries it, so the link happens once that flow succeeds (Kratos 8e29b68a5).
    /// </summary>
    private async Task<FlowOutcome> StepUpCarryingLinkAsync(FlowRequest request, LoginFlow flow, RequestSession session, string stepUpUrl, ILoginLinker linker, CancellationToken ct)
    {
        if (await CreateAsync(request.WithUrl(stepUpUrl, session), flow.Type, ct) is not FlowOutcome.Created { Flow: LoginFlow stepUp })
        {
            return new FlowOutcome.Navigate(stepUpUrl);
        }

        linker.CarryOver(flow, stepUp);
        await store.UpdateAsync(stepUp, ct);
        return new FlowOutcome.Navigate(FlowUrls.Ui(FlowKind.Login, factory.Options, stepUp.Id));
    }

    private async Task<FlowOutcome> InvalidAsync(LoginFlow flow, UiText message, CancellationToken ct)
    {
        flow.Ui.Messages.Add(message);
        await sorter.SortAsync(flow, null, ct);
        await store.UpdateAsync(flow, ct);
        return new FlowOutcome.Invalid(flow);
    }

    // Kratos answers a submit to an expired flow with a fresh flow of the same kind carrying 4010001.
    private async Task<FlowOutcome> ReplaceExpiredAsync(FlowRequest request, LoginFlow expired, CancellationToken ct)
    {
        var replacement = new LoginFlow
        {
            Id = Guid.NewGuid(),
            Type = expired.Type,
            RequestUrl = expired.RequestUrl,
            Ui = new UiContainer { Action = "" },
            Refresh = expired.Refresh,
            RequestedAal = expired.RequestedAal,
            IdentitySchema = expired.IdentitySchema,
        };
        factory.InitReplacement(replacement, expired, request);
        await PopulateAsync(replacement, await FormForAsync(replacement, request.Session?.Session, ct), ct);
        await sorter.SortAsync(replacement, null, ct);
        replacement.Ui.Messages.Add(Messages.ErrorValidationLoginFlowExpired(expired.ExpiresAt, factory.Time));
        await store.CreateAsync(replacement, ct);
        return new FlowOutcome.Replaced(expired, replacement, factory.Now);
    }
}
