using System.Text.Json.Nodes;
using Custos.Admin.Impersonation;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Strategies;
using Custos.SelfService.Ui;
using Custos.Sessions;
using Custos.Sessions.Assurance;

namespace Custos.SelfService.Flows.Settings;

internal sealed partial class SettingsFlowService
{
    public async Task<FlowOutcome> SubmitAsync(FlowSubmission<SettingsFlow> submission, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        var session = request.Session!.Session; // Binding.BeforeLoad answered a request without one
        if (flow.IdentityId != session.IdentityId)
        {
            throw IdentityMismatch();
        }

        // Credentials are needed for the password checks; the session's identity is the public view.
        var identity = await LoadIdentityAsync(flow.IdentityId, ct);
        if (await RequireAalAsync(session, AalStepUp.ReturningTo(request.Url), redirectBrowser: flow.IsBrowser && !request.IsJson, ct) is { } toStepUp)
        {
            return toStepUp;
        }

        if (submission.Expired)
        {
            return await ReplaceExpiredAsync(request, flow, identity, ct);
        }

        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        // Kratos's body for linking and unlinking a provider has no csrf_token (the SDKs drop it): those pass without one
        // when they come from Custos's own origin.
        if (submission.CheckCsrf(tokenlessAllowed: submission.Method == Identity.CredentialTypes.Oidc) is { } refused)
        {
            return await InvalidAsync(flow, identity, refused, ct);
        }

        var method = submission.Method;
        strategies.EnsureEnabled(method);
        if (ImpersonationGuard.RefuseMethod(session, method) is { } impersonated)
        {
            return new FlowOutcome.Error(impersonated);
        }

        flow.Active = method;
        // Strategies change the loaded identity in place, so the credentials are read before they run.
        var before = CredentialSnapshot.Of(identity);
        var context = new SettingsContext(identity, session, IsPrivileged(session), c => RenderAsync(flow, identity, c), () => RefreshRequired(flow, request));
        var (taker, outcome) = await strategies.SubmitAsync(submission, context, ct);
        if (taker is not null)
        {
            // A button-only payload (totp_unlink, lookup_secret_reveal, ...) may name no method: its strategy is the active one.
            flow.Active = taker.Method;
        }

        switch (outcome)
        {
            case StrategyOutcome<SettingsSucceeded>.Rejected:
                await sorter.SortAsync(flow, identity.SchemaId, ct);
                await store.UpdateAsync(flow, ct);
                return new FlowOutcome.Invalid(flow);
            case StrategyOutcome<SettingsSucceeded>.Responded responded:
                // "Sign in again" leaves the stored flow as it was, so the change can be made once the user is back.
                return responded.Outcome;
            case StrategyOutcome<SettingsSucceeded>.Succeeded succeeded:
                if (ImpersonationGuard.RefuseChange(session, identity, succeeded.Value.Identity) is { } forbidden)
                {
                    return new FlowOutcome.Error(forbidden);
                }

                return await SaveAndFinishAsync(submission, session, succeeded.Value, taker!.Method, before, ct);
            default:
                return await InvalidAsync(flow, identity, Messages.ErrorValidationSettingsNoStrategyFound(), ct);
        }
    }

    private async Task<Identity.Identity> LoadIdentityAsync(Guid id, CancellationToken ct) =>
        await identities.GetAsync(id, withCredentials: true, ct) ?? throw NoSession();

    private bool IsPrivileged(Session session) => session.AuthenticatedAt + O.Selfservice.Flows.Settings.PrivilegedSessionMaxAge > factory.Now;

    // Kratos: a change that needs a recent sign-in sends the browser to a refresh login that returns to this flow.
    private FlowOutcome RefreshRequired(SettingsFlow flow, FlowRequest request)
    {
        var returnTo = FlowUrls.Public(O, $"/self-service/settings?flow={flow.Id:D}");
        var url = FlowUrls.WithQuery(FlowUrls.Public(O, "/self-service/login/browser?refresh=true"), "return_to", returnTo);
        if (flow.IsBrowser && !request.IsJson)
        {
            return new FlowOutcome.Redirect(url);
        }

        return new FlowOutcome.Error(new CustosException(403, "The requested action was forbidden",
            "The login session is too old and thus not allowed to update these fields. Please re-authenticate.", "session_refresh_required")
        {
            TopLevel = new JsonObject { ["redirect_browser_to"] = url },
        });
    }

    /// <summary>The changed identity, revoked sessions, verification flows and messages and the flow: all or nothing.</summary>
    private async Task<FlowOutcome> SaveAndFinishAsync(FlowSubmission<SettingsFlow> submission, Session session, SettingsSucceeded change, string method, CredentialSnapshot before, CancellationToken ct)
    {
        var (flow, identity) = (submission.Flow, change.Identity);
        if (await RunPrePersistWebHooksAsync(submission, session, identity, method, ct) is { } stopped)
        {
            return stopped;
        }

        try
        {
            return await db.RunInTransactionAsync(async c =>
            {
                await updater.SaveAsync(identity, c);
                await audit.SettingsUpdatedAsync(identity.Id, session.Id, method, before, CredentialSnapshot.Of(identity), session.Impersonator, c);
                if (change.AddedMethod is { } added)
                {
                    session = await sessions.AddAuthenticationMethodsAsync(session.Id, [added], c) ?? session;
                }

                return await FinishAsync(submission.Request, flow, session, identity, method, c);
            }, ct);
        }
        catch (IdentityConflictException)
        {
            return await InvalidAsync(flow, identity, Messages.ErrorValidationDuplicateCredentials(), ct);
        }
    }

    /// <summary>
    /// The pre-persist web hooks of settings (strategies contract §7.2): the <c>web_hook</c> entries of
    /// <c>selfservice.flows.settings.after.&lt;method&gt;.hooks</c> that parse the answer run here, in order, before the
    /// identity is updated and outside its transaction (they call out over HTTP). Returns null to go on.
    /// </summary>
    private Task<FlowOutcome?> RunPrePersistWebHooksAsync(FlowSubmission<SettingsFlow> submission, Session session, Identity.Identity identity, string method, CancellationToken ct) =>
        prePersist.RunAsync(submission.Flow, submission.Request, identity, session, method, ct);

    private async Task<FlowOutcome> FinishAsync(FlowRequest request, SettingsFlow flow, Session session, Identity.Identity identity, string method, CancellationToken ct)
    {
        var after = new PostSettingsContext { Request = request, Flow = flow, Identity = identity, Session = session, Method = method };
        if ((await hooks.RunAsync(after, ct)).Outcome is { } aborted)
        {
            if (aborted is FlowOutcome.Invalid)
            {
                await sorter.SortAsync(flow, identity.SchemaId, ct);
            }

            return aborted;
        }

        flow.ContinueWith = after.ContinueWith.Count > 0 ? [.. after.ContinueWith] : null;
        flow.State = "success";
        await RenderAsync(flow, identity, ct);
        // Kratos shows a new flow's form here, and a new settings flow is sorted.
        await sorter.SortAsync(flow, identity.SchemaId, ct);
        flow.Ui.Messages.Add(Messages.InfoSelfServiceSettingsUpdateSuccess());
        await store.UpdateAsync(flow, ct);
        var returnUrl = flow.ReturnTo ?? O.Selfservice.Flows.Settings.After.DefaultBrowserReturnUrlFor(method);
        var api = flow.ToJson();
        JsonObject? spa = null;
        if (flow.IsBrowser && returnUrl is not null)
        {
            // A SPA is told where to go next; API clients and form posts are not (the latter are redirected there).
            flow.ContinueWith ??= [];
            flow.ContinueWith.Add(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl });
            spa = flow.ToJson();
        }

        return new FlowOutcome.Succeeded(flow, api, spa, after.BrowserRedirect ?? returnUrl ?? FlowUrls.Ui(FlowKind.Settings, O, flow.Id));
    }

    /// <summary>The form shown again from <paramref name="identity"/> with <paramref name="message"/> on it.</summary>
    private async Task<FlowOutcome> InvalidAsync(SettingsFlow flow, Identity.Identity identity, UiText message, CancellationToken ct)
    {
        await RenderAsync(flow, identity, ct);
        flow.Ui.Messages.Add(message);
        await sorter.SortAsync(flow, identity.SchemaId, ct);
        await store.UpdateAsync(flow, ct);
        return new FlowOutcome.Invalid(flow);
    }

    private async Task<FlowOutcome> ReplaceExpiredAsync(FlowRequest request, SettingsFlow expired, Identity.Identity identity, CancellationToken ct)
    {
        var replacement = NewFlow(expired.Type, expired.RequestUrl, identity);
        factory.InitReplacement(replacement, expired, request);
        await PopulateAsync(replacement, identity, ct);
        await sorter.SortAsync(replacement, identity.SchemaId, ct);
        replacement.Ui.Messages.Add(Messages.ErrorValidationSettingsFlowExpired(expired.ExpiresAt, factory.Time));
        await store.CreateAsync(replacement, ct);
        return new FlowOutcome.Replaced(expired, replacement, factory.Now);
    }
}
