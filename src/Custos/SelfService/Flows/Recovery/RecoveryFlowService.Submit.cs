using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Recovery;

internal sealed partial class RecoveryFlowService
{
    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken ct)
    {
        EnsureEnabled();
        var flow = await Load(FlowRequests.FlowId(context), ct);
        if (!flow.IsBrowser)
        {
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        if (await sessions.FromRequestAsync(context, ct) is not null)
        {
            return FlowResponder.WantsJson(context, flow)
                ? throw SessionAlreadyAvailable()
                : FlowResponder.Redirect(O.Selfservice.DefaultBrowserReturnUrl, StatusCodes.Status302Found);
        }

        if (flow.IsExpired(factory.Now))
        {
            var replacement = await ReplaceAsync(context, flow, Messages.ErrorValidationRecoveryFlowExpired(flow.ExpiresAt, factory.Time), ct);
            return responder.ExpiredToReplacement(context, flow, replacement);
        }

        var payload = await FlowPayloadReader.ReadAsync(context.Request, ct);
        flow.TransientPayload = payload["transient_payload"] as JsonObject;
        var code = FlowPayloadReader.Text(payload, "code");
        var token = FlowPayloadReader.Text(payload, "token");
        // A link is judged by its token, as Kratos's link strategy does before it looks at the state: a used one gets 4060004.
        if (flow.State == "passed_challenge" && string.IsNullOrEmpty(token))
        {
            return responder.Superseded(context, await ReplaceAsync(context, flow, Messages.ErrorValidationRecoveryRetrySuccess(), ct));
        }

        var method = FlowPayloadReader.Text(payload, "method") ?? (!string.IsNullOrEmpty(token) ? RecoveryMethods.Link : !string.IsNullOrEmpty(code) ? RecoveryMethods.Code : null);
        if (method is null || method != MethodOf(flow))
        {
            flow.Ui.ResetMessages();
            flow.Ui.Messages.Add(Messages.ErrorValidationRecoveryNoStrategyFound());
            factory.AddCsrfNode(flow);
            await store.UpdateAsync(flow, ct);
            return responder.Invalid(context, flow);
        }

        // The flow's method may have been switched off since it was issued: Kratos answers 404 then, as for its admin endpoint.
        if (!O.Selfservice.Methods.IsEnabled(method))
        {
            throw KratosErrors.EndpointDisabled();
        }

        if (method == RecoveryMethods.Link && !string.IsNullOrEmpty(token))
        {
            return await UseTokenAsync(context, flow, token, ct);
        }

        // A code is only taken in the code step; in the first step the address decides.
        var email = FlowPayloadReader.Text(payload, "email");
        if (method == RecoveryMethods.Code && !string.IsNullOrEmpty(code) && string.IsNullOrEmpty(email) && flow.State == "sent_email")
        {
            return await UseCodeAsync(context, flow, code, ct);
        }

        return await SendAsync(context, flow, method, email, FlowPayloadReader.Text(payload, "csrf_token"), ct);
    }

    private async Task<IResult> SendAsync(HttpContext context, RecoveryFlow flow, string method, string? email, string? csrfToken, CancellationToken ct)
    {
        var link = method == RecoveryMethods.Link;
        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (string.IsNullOrWhiteSpace(email))
        {
            if (flow.State == "sent_email" && !link)
            {
                flow.Ui.AddMessage("code", Messages.ErrorValidationRequired("code"), UiNodeGroup.Code);
            }
            else
            {
                flow.Ui.AddMessage("email", Messages.ErrorValidationRequired("email"), link ? UiNodeGroup.Link : UiNodeGroup.Code);
            }

            await store.UpdateAsync(flow, ct);
            return responder.Invalid(context, flow);
        }

        if (factory.CheckSubmission(context, flow, csrfToken) is { } refused)
        {
            flow.Ui.Messages.Add(refused);
            await store.UpdateAsync(flow, ct);
            return responder.Invalid(context, flow);
        }

        await sender.SendToAsync(flow, email, link, ct);
        flow.State = "sent_email";
        flow.Active = method;
        if (link)
        {
            PopulateChooseMethod(flow, email.Trim(), method);
            flow.Ui.Messages.Add(Messages.InfoSelfServiceRecoveryEmailSent());
        }
        else
        {
            PopulateCodeForm(flow, email.Trim());
            flow.Ui.Messages.Add(Messages.InfoSelfServiceRecoveryEmailWithCodeSent());
        }

        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return responder.Step(context, flow, StatusCodes.Status200OK);
    }

    private async Task<IResult> UseCodeAsync(HttpContext context, RecoveryFlow flow, string code, CancellationToken ct)
    {
        // The count is raised before the code is looked at, so parallel guesses cannot exceed the limit.
        if (await store.IncrementSubmitCountAsync(flow, ct) > O.Selfservice.Methods.Code.Config.MaxSubmissions)
        {
            return responder.Superseded(context, await ReplaceAsync(context, flow, OneTimeSecrets.SubmittedTooOften(), ct));
        }

        // Using the code, the session, the verified address and the settings flow are written together or not at all:
        // a code is never used up by a recovery that failed half-way.
        return await db.RunInTransactionAsync(c => ConsumeCodeAsync(context, flow, code, c), ct);
    }

    private async Task<IResult> ConsumeCodeAsync(HttpContext context, RecoveryFlow flow, string code, CancellationToken ct)
    {
        var used = await secrets.UseAsync(OneTimeSecretKind.RecoveryCode, flow.Id, hmac.Candidates(code), factory.Now, ct);
        if (used is null)
        {
            flow.Ui.ResetMessages();
            flow.Ui.Messages.Add(Messages.ErrorValidationRecoveryCodeInvalidOrAlreadyUsed());
            factory.AddCsrfNode(flow);
            await store.UpdateAsync(flow, ct);
            // Kratos answers a wrong recovery code with 200 and the flow.
            return responder.Step(context, flow, StatusCodes.Status200OK);
        }

        if (used.ExpiresAt <= factory.Now)
        {
            var replacement = await ReplaceAsync(context, flow, Messages.ErrorValidationRecoveryFlowExpired(used.ExpiresAt, factory.Time), ct);
            return FlowResponder.WantsJson(context, flow)
                ? responder.Replaced(context, flow, replacement, factory.Now)
                : FlowResponder.Redirect(FlowUrls.Ui(FlowKind.Recovery, O, replacement.Id));
        }

        return await CompleteAsync(context, flow, used, "code_recovery", ct);
    }

    private Task<IResult> UseTokenAsync(HttpContext context, RecoveryFlow flow, string token, CancellationToken ct) =>
        db.RunInTransactionAsync(c => ConsumeTokenAsync(context, flow, token, c), ct);

    private async Task<IResult> ConsumeTokenAsync(HttpContext context, RecoveryFlow flow, string token, CancellationToken ct)
    {
        var used = await secrets.UseAsync(OneTimeSecretKind.RecoveryToken, flow.Id, hmac.Candidates(token), factory.Now, ct);
        if (used is null || used.ExpiresAt <= factory.Now)
        {
            var replacement = await ReplaceAsync(context, flow, Messages.ErrorValidationRecoveryTokenInvalidOrAlreadyUsed(), ct);
            return FlowResponder.Redirect(FlowUrls.Ui(FlowKind.Recovery, O, replacement.Id));
        }

        return await CompleteAsync(context, flow, used, "link_recovery", ct);
    }
}
