using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Hooks;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Flows.Registration;

internal sealed partial class RegistrationFlowService
{
    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken ct)
    {
        if (await sessions.FromRequestAsync(context, ct) is not null)
        {
            // Kratos checks this before loading the flow: 302 for browsers, 400 for JSON.
            return ContentNegotiation.IsJsonRequest(context.Request)
                ? throw SessionAlreadyAvailable()
                : FlowResponder.Redirect(O.Selfservice.DefaultBrowserReturnUrl, StatusCodes.Status302Found);
        }

        var flow = await store.GetAsync<RegistrationFlow>(FlowRequests.FlowId(context), ct) ?? throw KratosErrors.NotFound("The registration flow could not be found.");
        if (!flow.IsBrowser)
        {
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        if (flow.IsExpired(factory.Now))
        {
            return await ReplaceExpiredAsync(context, flow, ct);
        }

        if (flow.State == "passed_challenge")
        {
            return await InvalidAsync(context, flow, [("", Messages.ErrorValidateionRegistrationRetrySuccess())], ct);
        }

        var payload = await FlowPayloadReader.ReadAsync(context.Request, ct);
        flow.TransientPayload = payload["transient_payload"] as JsonObject;
        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (factory.CheckSubmission(context, flow, FlowPayloadReader.Text(payload, "csrf_token")) is { } refused)
        {
            return await InvalidAsync(context, flow, [("", refused)], ct);
        }
        var schema = await schemas.GetAsync(SchemaId(flow), ct);
        var traits = payload["traits"] as JsonObject ?? [];
        FlowPayloadReader.CoerceTraits(payload, schema.Raw, context.Request.HasFormContentType);
        traits = payload["traits"] as JsonObject ?? traits;
        var method = FlowPayloadReader.Text(payload, "method");
        var screen = FlowPayloadReader.Text(payload, "screen");
        if (screen == "previous" || method == "profile:back")
        {
            await PopulateFirstScreenAsync(flow, traits, ct);
            flow.Active = "profile";
            await store.UpdateAsync(flow, ct);
            return responder.Step(context, flow, StatusCodes.Status400BadRequest);
        }

        return method switch
        {
            "profile" when O.Selfservice.Methods.Profile.Enabled => await ProfileStepAsync(context, flow, traits, ct),
            "password" when O.Selfservice.Methods.Password.Enabled => await PasswordAsync(context, flow, traits, FlowPayloadReader.Text(payload, "password"), ct),
            "password" or "profile" => throw KratosErrors.EndpointDisabled(),
            _ => await InvalidAsync(context, flow, [("", Messages.ErrorValidationRegistrationNoStrategyFound())], ct),
        };
    }

    private async Task<IResult> ProfileStepAsync(HttpContext context, RegistrationFlow flow, JsonObject traits, CancellationToken ct)
    {
        var now = factory.Now;
        var candidate = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = SchemaId(flow), Traits = traits.DeepClone(), CreatedAt = now, UpdatedAt = now };
        var result = await registrar.ValidateTraitsAsync(candidate, ct);
        await PopulateFirstScreenAsync(flow, traits, ct);
        flow.Active = "profile";
        if (result.Identity is null)
        {
            return await InvalidAsync(context, flow, result.Messages, ct);
        }

        var schema = await schemas.GetAsync(SchemaId(flow), ct);
        PopulateCredentialScreen(flow, TraitNodes.FromSchema(schema.Raw, UiNodeGroup.Default, traits));
        await store.UpdateAsync(flow, ct);
        // Kratos answers the successful first step with 400 + flow for JSON clients: it is the normal path.
        return responder.Step(context, flow, StatusCodes.Status400BadRequest);
    }

    private async Task<IResult> PasswordAsync(HttpContext context, RegistrationFlow flow, JsonObject traits, string? password, CancellationToken ct)
    {
        flow.Active = "password";
        var prepared = await registrar.PrepareAsync(SchemaId(flow), traits.DeepClone(), password, ct);
        if (prepared.Identity is not { } identity)
        {
            TraitNodes.ApplyValues(flow.Ui, traits);
            return await InvalidAsync(context, flow, prepared.Messages, ct);
        }

        try
        {
            // The identity, the passed flow, the verification flows and messages and the session: all or nothing.
            return await db.RunInTransactionAsync(async c =>
            {
                await registrar.CreateAsync(identity, c);
                // Marking the flow passed keeps a parallel resubmission from creating a second identity or session.
                if (!await store.TryMarkPassedAsync(flow, c))
                {
                    throw new FlowAlreadyPassedException();
                }

                await store.UpdateAsync(flow, c);
                return await CompleteAsync(context, flow, identity, "password", c);
            }, ct);
        }
        catch (IdentityConflictException)
        {
            TraitNodes.ApplyValues(flow.Ui, traits);
            return await InvalidAsync(context, flow, [("", await registrar.DuplicateMessageAsync(identity, ct))], ct);
        }
        catch (FlowAlreadyPassedException)
        {
            return await InvalidAsync(context, flow, [("", Messages.ErrorValidateionRegistrationRetrySuccess())], ct);
        }
    }

    private async Task<IResult> CompleteAsync(HttpContext context, RegistrationFlow flow, Identity.Identity identity, string method, CancellationToken ct)
    {
        var publicBase = FlowUrls.Public(O, "/");
        var body = new JsonObject();
        if (flow.IsBrowser)
        {
            // A new identity signs in: a new CSRF token, which the verification flows below are bound to.
            factory.RotateCsrf(context);
        }

        var request = factory.Snapshot(context); // until this flow is bound by FlowBinder
        var after = new PostRegistrationContext { Request = request, Flow = flow, Identity = identity, Method = method, VerificationReturnTo = AfterVerificationReturnTo(flow) };
        if ((await hooks.RunAsync(after, ct)).Outcome is { } aborted)
        {
            return responder.Respond(context, request, aborted);
        }

        var continueWith = new JsonArray();
        foreach (var item in after.ContinueWith)
        {
            continueWith.Add(item);
        }

        if (after.Session is { } issued)
        {
            if (!flow.IsBrowser)
            {
                body["session_token"] = issued.Token;
                continueWith.Add(new JsonObject { ["action"] = "set_ory_session_token", ["ory_session_token"] = issued.Token });
            }

            body["session"] = SessionJson.Write(issued.Session, factory.Now, publicBase, admin: false);
        }

        body["identity"] = IdentityJson.Public(identity, publicBase);
        var returnUrl = flow.ReturnTo ?? O.Selfservice.Flows.Registration.After.DefaultBrowserReturnUrlFor(method) ?? O.Selfservice.DefaultBrowserReturnUrl;
        if (flow.IsBrowser)
        {
            if (after.Session is not null)
            {
                sessions.WriteCookie(context, after.Session);
            }

            if (!ContentNegotiation.IsJsonRequest(context.Request))
            {
                return FlowResponder.Redirect(after.BrowserRedirect ?? returnUrl);
            }

            continueWith.Add(new JsonObject { ["action"] = "redirect_browser_to", ["redirect_browser_to"] = returnUrl });
        }

        body["continue_with"] = continueWith;
        return Results.Json(body);
    }

    /// <summary>The registration's <c>after_verification_return_to</c> becomes the verification flows' <c>return_to</c>.</summary>
    private static string? AfterVerificationReturnTo(RegistrationFlow flow) =>
        Uri.TryCreate(flow.RequestUrl, UriKind.Absolute, out var uri) && System.Web.HttpUtility.ParseQueryString(uri.Query)["after_verification_return_to"] is { Length: > 0 } value
            ? value
            : null;

    private async Task<IResult> InvalidAsync(HttpContext context, RegistrationFlow flow, IEnumerable<(string Node, UiText Message)> messages, CancellationToken ct)
    {
        foreach (var (node, message) in messages)
        {
            flow.Ui.AddMessage(node, message, node == "password" ? UiNodeGroup.Password : UiNodeGroup.Default);
        }

        await store.UpdateAsync(flow, ct);
        return responder.Invalid(context, flow);
    }

    private async Task<IResult> ReplaceExpiredAsync(HttpContext context, RegistrationFlow expired, CancellationToken ct)
    {
        var replacement = new RegistrationFlow { Id = Guid.NewGuid(), Type = expired.Type, RequestUrl = expired.RequestUrl, Ui = new UiContainer { Action = "" }, IdentitySchema = expired.IdentitySchema };
        factory.InitReplacement(replacement, expired, context);
        await PopulateFirstScreenAsync(replacement, null, ct);
        replacement.Ui.Messages.Add(Messages.ErrorValidationRegistrationFlowExpired(expired.ExpiresAt, factory.Time));
        await store.CreateAsync(replacement, ct);
        return responder.Replaced(context, expired, replacement, factory.Now);
    }
}
