using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Settings;

internal sealed partial class SettingsFlowService
{
    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken ct)
    {
        var session = await sessions.FromRequestAsync(context, ct);
        if (session?.Identity is null)
        {
            return ContentNegotiation.IsJsonRequest(context.Request)
                ? throw new CustosException(401, "The request could not be authorized", "A valid Ory Session Cookie or Ory Session Token is missing.")
                : FlowResponder.Redirect(O.Selfservice.Flows.Login.UiUrl, StatusCodes.Status302Found);
        }

        var flow = await store.GetAsync<SettingsFlow>(FlowRequests.FlowId(context), ct) ?? throw KratosErrors.NotFound("The settings request could not be found. Please restart the flow.");
        if (!flow.IsBrowser)
        {
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        if (flow.IdentityId != session.IdentityId)
        {
            throw KratosErrors.Forbidden("You must restart the flow because the resumable session was initiated by another person.", "security_identity_mismatch");
        }

        // Credentials are needed for the password checks; the session's identity is the public view.
        var identity = await LoadIdentityAsync(flow.IdentityId, ct);
        RequireAal(session, identity);
        if (flow.IsExpired(factory.Now))
        {
            return await ReplaceExpiredAsync(context, flow, identity, ct);
        }

        var payload = await FlowPayloadReader.ReadAsync(context.Request, ct);
        flow.TransientPayload = payload["transient_payload"] as JsonObject;
        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (factory.CheckSubmission(context, flow, FlowPayloadReader.Text(payload, "csrf_token")) is { } refused)
        {
            return await InvalidAsync(context, flow, [("", refused)], identity, ct);
        }
        var method = FlowPayloadReader.Text(payload, "method");
        flow.Active = method;
        switch (method)
        {
            case "profile" when O.Selfservice.Methods.Profile.Enabled:
                var schema = await schemas.GetAsync(identity.SchemaId, ct);
                FlowPayloadReader.CoerceTraits(payload, schema.Raw, context.Request.HasFormContentType);
                var (candidate, invalid, touches) = await updater.PrepareTraitsAsync(identity, payload["traits"] as JsonObject ?? [], ct);
                if (invalid is not null)
                {
                    return await InvalidAsync(context, flow, invalid.Messages, identity, ct, payload["traits"]);
                }

                if (touches && !IsPrivileged(session))
                {
                    return RefreshRequired(context, flow);
                }

                return await SaveAndFinishAsync(context, flow, session, candidate, method, ct);
            case "password" when O.Selfservice.Methods.Password.Enabled:
                if (!IsPrivileged(session))
                {
                    return RefreshRequired(context, flow);
                }

                var prepared = await updater.PreparePasswordAsync(identity, FlowPayloadReader.Text(payload, "password"), ct);
                return prepared.Saved
                    ? await SaveAndFinishAsync(context, flow, session, identity, method, ct)
                    : await InvalidAsync(context, flow, prepared.Messages, identity, ct);
            case "profile" or "password":
                throw KratosErrors.EndpointDisabled();
            default:
                return await InvalidAsync(context, flow, [("", Messages.ErrorValidationSettingsNoStrategyFound())], identity, ct);
        }
    }

    private async Task<Identity.Identity> LoadIdentityAsync(Guid id, CancellationToken ct) =>
        await identities.GetAsync(id, withCredentials: true, ct) ?? throw NoSession();

    private bool IsPrivileged(Session session) => session.AuthenticatedAt + O.Selfservice.Flows.Settings.PrivilegedSessionMaxAge > factory.Now;

    // Kratos: a change that needs a recent sign-in sends the browser to a refresh login that returns to this flow.
    private IResult RefreshRequired(HttpContext context, SettingsFlow flow)
    {
        var returnTo = FlowUrls.Public(O, $"/self-service/settings?flow={flow.Id:D}");
        var url = FlowUrls.WithQuery(FlowUrls.Public(O, "/self-service/login/browser?refresh=true"), "return_to", returnTo);
        if (!FlowResponder.WantsJson(context, flow))
        {
            return FlowResponder.Redirect(url);
        }

        return new FlowResponder.ErrorResult(new CustosException(403, "The requested action was forbidden",
            "The login session is too old and thus not allowed to update these fields. Please re-authenticate.", "session_refresh_required")
        {
            TopLevel = new JsonObject { ["redirect_browser_to"] = url },
        });
    }

    /// <summary>The changed identity, revoked sessions, verification flows and messages and the flow: all or nothing.</summary>
    private async Task<IResult> SaveAndFinishAsync(HttpContext context, SettingsFlow flow, Session session, Identity.Identity identity, string method, CancellationToken ct)
    {
        try
        {
            return await db.RunInTransactionAsync(async c =>
            {
                await updater.SaveAsync(identity, c);
                return await FinishAsync(context, flow, session, identity, method, c);
            }, ct);
        }
        catch (IdentityConflictException)
        {
            return await InvalidAsync(context, flow, [("", Messages.ErrorValidationDuplicateCredentials())], identity, ct);
        }
    }

    private async Task<IResult> FinishAsync(HttpContext context, SettingsFlow flow, Session session, Identity.Identity identity, string method, CancellationToken ct)
    {
        var request = factory.Snapshot(context); // until this flow is bound by FlowBinder
        var after = new PostSettingsContext { Request = request, Flow = flow, Identity = identity, Session = session, Method = method };
        if ((await hooks.RunAsync(after, ct)).Outcome is { } aborted)
        {
            return responder.Respond(context, request, aborted);
        }

        flow.ContinueWith = after.ContinueWith.Count > 0 ? [.. after.ContinueWith] : null;
        flow.State = "success";
        await PopulateAsync(flow, identity, ct);
        factory.AddCsrfNode(flow);
        flow.Ui.Messages.Add(Messages.InfoSelfServiceSettingsUpdateSuccess());
        await store.UpdateAsync(flow, ct);
        var returnUrl = flow.ReturnTo ?? O.Selfservice.Flows.Settings.After.DefaultBrowserReturnUrlFor(method);
        if (!flow.IsBrowser)
        {
            return Results.Json(flow.ToJson());
        }

        if (ContentNegotiation.IsJsonRequest(context.Request))
        {
            if (returnUrl is not null)
            {
                flow.ContinueWith ??= [];
                flow.ContinueWith.Add(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl });
            }

            return Results.Json(flow.ToJson());
        }

        return FlowResponder.Redirect(after.BrowserRedirect ?? returnUrl ?? FlowUrls.Ui(FlowKind.Settings, O, flow.Id));
    }

    private async Task<IResult> InvalidAsync(HttpContext context, SettingsFlow flow, IEnumerable<(string Node, UiText Message)> messages, Identity.Identity identity, CancellationToken ct, JsonNode? submittedTraits = null)
    {
        await PopulateAsync(flow, identity, ct);
        factory.AddCsrfNode(flow);
        if (submittedTraits is not null)
        {
            TraitNodes.ApplyValues(flow.Ui, submittedTraits);
        }

        foreach (var (node, message) in messages)
        {
            flow.Ui.AddMessage(node, message, node == "password" ? UiNodeGroup.Password : UiNodeGroup.Profile);
        }

        await store.UpdateAsync(flow, ct);
        return responder.Invalid(context, flow);
    }

    private async Task<IResult> ReplaceExpiredAsync(HttpContext context, SettingsFlow expired, Identity.Identity identity, CancellationToken ct)
    {
        var replacement = new SettingsFlow { Id = Guid.NewGuid(), Type = expired.Type, RequestUrl = expired.RequestUrl, Ui = new UiContainer { Action = "" }, IdentityId = expired.IdentityId, State = "show_form" };
        factory.InitReplacement(replacement, expired, context);
        await PopulateAsync(replacement, identity, ct);
        replacement.Ui.Messages.Add(Messages.ErrorValidationSettingsFlowExpired(expired.ExpiresAt, factory.Time));
        await store.CreateAsync(replacement, ct);
        return responder.Replaced(context, expired, replacement, factory.Now);
    }
}
