using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Hooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Login;

internal sealed partial class LoginFlowService
{
    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken ct)
    {
        var flow = await store.GetAsync<LoginFlow>(FlowRequests.FlowId(context), ct) ?? throw KratosErrors.NotFound("The login flow could not be found.");
        if (!flow.IsBrowser)
        {
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        var now = factory.Now;
        if (flow.IsExpired(now))
        {
            return await ReplaceExpiredAsync(context, flow, now, ct);
        }

        if (flow.State == "passed_challenge")
        {
            return await InvalidAsync(context, flow, Messages.ErrorValidationLoginRetrySuccess(), ct);
        }

        var payload = await FlowPayloadReader.ReadAsync(context.Request, ct);
        flow.TransientPayload = payload["transient_payload"] as JsonObject;
        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (factory.CheckSubmission(context, flow, FlowPayloadReader.Text(payload, "csrf_token")) is { } refused)
        {
            return await InvalidAsync(context, flow, refused, ct);
        }
        var current = await sessions.FromRequestWithTokenAsync(context, ct);
        var session = current?.Session;
        if (session is not null && !flow.Refresh && string.CompareOrdinal(flow.RequestedAal, session.AuthenticatorAssuranceLevel) <= 0)
        {
            return FlowResponder.WantsJson(context, flow)
                ? await InvalidAsync(context, flow, Messages.ErrorValidationGeneric(SessionAlreadyAvailable().Reason!), ct)
                : FlowResponder.Redirect(factory.Options.Selfservice.DefaultBrowserReturnUrl);
        }

        var method = FlowPayloadReader.Text(payload, "method");
        var strategy = strategies.FirstOrDefault(s => s.Method == method);
        if (strategy is null)
        {
            return await InvalidAsync(context, flow, Messages.ErrorValidationLoginNoStrategyFound(), ct);
        }

        if (!strategy.IsEnabled(factory.Options))
        {
            throw KratosErrors.EndpointDisabled();
        }

        flow.Active = strategy.Method;
        var identity = await strategy.LoginAsync(flow, payload, ct);
        if (identity is null)
        {
            await store.UpdateAsync(flow, ct);
            return responder.Invalid(context, flow);
        }

        if (!identity.IsActive)
        {
            return await InvalidAsync(context, flow, Messages.ErrorValidationIdentityDisabled(), ct);
        }

        if (flow.Refresh && session is not null && session.IdentityId != identity.Id)
        {
            throw KratosErrors.Forbidden("You must restart the flow because the resumable session was initiated by another person.", "security_identity_mismatch");
        }

        var authentication = new AuthenticationMethod(strategy.Method, "aal1", factory.Now, null);
        // Re-authentication keeps the session and its token, as in Kratos.
        var stored = flow.Refresh && current is not null ? current.Session : sessions.NewSession(identity, authentication, context);
        stored.Identity ??= identity;
        try
        {
            // The hooks' writes, the passed flow, the session: all or nothing. A hook that stops the login (an address
            // to verify) keeps its own writes and leaves the flow open, as in Kratos.
            return await db.RunInTransactionAsync(async c =>
            {
                if ((await hooks.RunAsync(new PostLoginContext { Http = context, Flow = flow, Identity = identity, Session = stored, Method = strategy.Method }, c)).Response is { } aborted)
                {
                    await store.UpdateAsync(flow, c);
                    return aborted;
                }

                if (!await store.TryMarkPassedAsync(flow, c))
                {
                    throw new FlowAlreadyPassedException();
                }

                return await CompleteAsync(context, flow, stored, current, authentication, c);
            }, ct);
        }
        catch (FlowAlreadyPassedException)
        {
            return await InvalidAsync(context, flow, Messages.ErrorValidationLoginRetrySuccess(), ct);
        }
    }

    private async Task<IResult> CompleteAsync(HttpContext context, LoginFlow flow, Session session, RequestSession? current, AuthenticationMethod authentication, CancellationToken ct)
    {
        string token;
        if (flow.Refresh && current is not null)
        {
            token = current.Token;
            await sessions.ReauthenticateAsync(session, authentication, context, ct);
        }
        else
        {
            token = (await sessions.PersistAsync(session, ct)).Token;
        }

        await store.UpdateAsync(flow, ct);
        var sessionJson = SessionJson.Write(session, factory.Now, FlowUrls.Public(factory.Options, "/"), admin: false);
        if (!flow.IsBrowser)
        {
            return Results.Json(new JsonObject { ["session_token"] = token, ["session"] = sessionJson });
        }

        factory.RotateCsrf(context);
        // Kratos issues the cookie on every browser login: after a re-authentication it carries the same token with
        // the session's new expiry, so the cookie does not lapse before the session it belongs to.
        sessions.WriteCookie(context, session, token);

        var returnUrl = ReturnUrl(flow.ReturnTo, authentication.Method);
        if (ContentNegotiation.IsJsonRequest(context.Request))
        {
            return Results.Json(new JsonObject
            {
                ["session"] = sessionJson,
                ["continue_with"] = new JsonArray(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl }),
            });
        }

        return FlowResponder.Redirect(returnUrl);
    }

    private async Task<IResult> InvalidAsync(HttpContext context, LoginFlow flow, UiText message, CancellationToken ct)
    {
        flow.Ui.Messages.Add(message);
        await store.UpdateAsync(flow, ct);
        return responder.Invalid(context, flow);
    }

    // Kratos answers a submit to an expired flow with a fresh flow of the same kind carrying 4010001.
    private async Task<IResult> ReplaceExpiredAsync(HttpContext context, LoginFlow expired, DateTime now, CancellationToken ct)
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
        factory.InitReplacement(replacement, expired, context);
        foreach (var strategy in Enabled())
        {
            await strategy.PopulateAsync(replacement, null, ct);
        }

        replacement.Ui.Messages.Add(Messages.ErrorValidationLoginFlowExpired(expired.ExpiresAt, factory.Time));
        await store.CreateAsync(replacement, ct);
        return responder.Replaced(context, expired, replacement, now);
    }
}
