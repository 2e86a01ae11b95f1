using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Verification;

internal sealed partial class VerificationFlowService
{
    public async Task<IResult> SubmitAsync(HttpContext context, CancellationToken ct)
    {
        EnsureEnabled();
        var flow = await store.GetAsync<VerificationFlow>(FlowRequests.FlowId(context), ct)
            ?? throw KratosErrors.NotFound("The verification request could not be found. Please restart the flow.");
        if (!flow.IsBrowser)
        {
            context.Items[BrowserErrorFilter.ApiFlowItem] = true;
        }

        if (flow.IsExpired(factory.Now))
        {
            var replacement = await ReplaceAsync(context, flow, Messages.ErrorValidationVerificationFlowExpired(flow.ExpiresAt, factory.Time), ct);
            return responder.ExpiredToReplacement(context, flow, replacement);
        }

        var payload = await FlowPayloadReader.ReadAsync(context.Request, ct);
        flow.TransientPayload = TransientPayload(payload);
        if (flow.State == "passed_challenge")
        {
            return responder.Superseded(context, await ReplaceAsync(context, flow, Messages.ErrorValidationVerificationRetrySuccess(), ct));
        }

        var code = FlowPayloadReader.Text(payload, "code");
        var token = FlowPayloadReader.Text(payload, "token");
        var method = FlowPayloadReader.Text(payload, "method") ?? (!string.IsNullOrEmpty(code) ? "code" : !string.IsNullOrEmpty(token) ? "link" : null);
        if (method != Method)
        {
            flow.Ui.ResetMessages();
            flow.Ui.Messages.Add(Messages.ErrorValidationVerificationNoStrategyFound());
            await store.UpdateAsync(flow, ct);
            return responder.Step(context, flow, StatusCodes.Status400BadRequest);
        }

        if (method == "link" && !string.IsNullOrEmpty(token))
        {
            return await UseTokenAsync(context, flow, token, ct);
        }

        if (method == "code" && !string.IsNullOrEmpty(code))
        {
            // The link inside a code e-mail: fill the code in and let the UI post it, with a fresh CSRF binding
            // because the mail may be opened in another browser than the one that started the flow.
            return HttpMethods.IsGet(context.Request.Method)
                ? await PrefillCodeAsync(context, flow, code, ct)
                : await UseCodeAsync(context, flow, code, ct);
        }

        return await SendAsync(context, flow, payload, ct);
    }

    private async Task<IResult> SendAsync(HttpContext context, VerificationFlow flow, JsonObject payload, CancellationToken ct)
    {
        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        var email = FlowPayloadReader.Text(payload, "email");
        if (string.IsNullOrWhiteSpace(email))
        {
            flow.Ui.AddMessage("email", Messages.ErrorValidationRequired("email"), Method == "link" ? UiNodeGroup.Link : UiNodeGroup.Code);
            await store.UpdateAsync(flow, ct);
            return responder.Invalid(context, flow);
        }

        if (factory.CheckSubmission(context, flow, FlowPayloadReader.Text(payload, "csrf_token")) is { } refused)
        {
            flow.Ui.Messages.Add(refused);
            await store.UpdateAsync(flow, ct);
            return responder.Invalid(context, flow);
        }

        await sender.SendToAsync(flow, email, ct);
        ShowSent(flow, email.Trim());
        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return responder.Step(context, flow, StatusCodes.Status200OK);
    }

    private async Task<IResult> PrefillCodeAsync(HttpContext context, VerificationFlow flow, string code, CancellationToken ct)
    {
        flow.CsrfToken = factory.RegenerateCsrf(context);
        ShowSent(flow, flow.SentTo ?? "");
        flow.Ui.Find("code")!.Value = code;
        if (flow.SentTo is null)
        {
            flow.Ui.Nodes.RemoveAll(n => n.Key == "email");
        }

        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return FlowResponder.Redirect(FlowUrls.Ui(FlowKind.Verification, O, flow.Id));
    }

    private async Task<IResult> UseCodeAsync(HttpContext context, VerificationFlow flow, string code, CancellationToken ct)
    {
        // The count is raised before the code is looked at, so parallel guesses cannot exceed the limit.
        if (await store.IncrementSubmitCountAsync(flow, ct) > O.Selfservice.Methods.Code.Config.MaxSubmissions)
        {
            return responder.Superseded(context, await ReplaceAsync(context, flow, OneTimeSecrets.SubmittedTooOften(), ct));
        }

        // Using the code and marking the address verified happen together or not at all.
        return await db.RunInTransactionAsync(c => ConsumeCodeAsync(context, flow, code, c), ct);
    }

    private async Task<IResult> ConsumeCodeAsync(HttpContext context, VerificationFlow flow, string code, CancellationToken ct)
    {
        var used = await secrets.UseAsync(OneTimeSecretKind.VerificationCode, flow.Id, hmac.Candidates(code), factory.Now, ct);
        if (used is null)
        {
            flow.Ui.ResetMessages();
            flow.Ui.Find("code")?.Messages.Clear();
            flow.Ui.Messages.Add(Messages.ErrorValidationVerificationCodeInvalidOrAlreadyUsed());
            factory.AddCsrfNode(flow);
            await store.UpdateAsync(flow, ct);
            // Kratos answers a wrong verification code with 200 and the flow.
            return responder.Step(context, flow, StatusCodes.Status200OK);
        }

        if (used.ExpiresAt <= factory.Now)
        {
            var replacement = await ReplaceAsync(context, flow, Messages.ErrorValidationVerificationFlowExpired(used.ExpiresAt, factory.Time), ct);
            return FlowResponder.WantsJson(context, flow)
                ? responder.Replaced(context, flow, replacement, factory.Now)
                : FlowResponder.Redirect(FlowUrls.Ui(FlowKind.Verification, O, replacement.Id));
        }

        await MarkVerifiedAsync(used, ct);
        ShowPassed(flow);
        await store.UpdateAsync(flow, ct);
        return responder.Step(context, flow, StatusCodes.Status200OK);
    }

    private Task<IResult> UseTokenAsync(HttpContext context, VerificationFlow flow, string token, CancellationToken ct) =>
        db.RunInTransactionAsync(c => ConsumeTokenAsync(context, flow, token, c), ct);

    private async Task<IResult> ConsumeTokenAsync(HttpContext context, VerificationFlow flow, string token, CancellationToken ct)
    {
        var used = await secrets.UseAsync(OneTimeSecretKind.VerificationToken, flow.Id, hmac.Candidates(token), factory.Now, ct);
        if (used is null || used.ExpiresAt <= factory.Now)
        {
            var replacement = await ReplaceAsync(context, flow, Messages.ErrorValidationVerificationTokenInvalidOrAlreadyUsed(), ct);
            return FlowResponder.Redirect(FlowUrls.Ui(FlowKind.Verification, O, replacement.Id));
        }

        await MarkVerifiedAsync(used, ct);
        factory.RotateCsrf(context);
        ShowPassed(flow);
        await store.UpdateAsync(flow, ct);
        // A link is opened by a browser; it lands on the return URL, or on the verification UI showing success.
        var target = flow.ReturnTo ?? O.Selfservice.Flows.Verification.After.DefaultBrowserReturnUrl ?? FlowUrls.Ui(FlowKind.Verification, O, flow.Id);
        return FlowResponder.Redirect(target);
    }

    private async Task MarkVerifiedAsync(OneTimeSecret used, CancellationToken ct)
    {
        var identity = await identities.GetAsync(used.IdentityId, withCredentials: false, ct);
        var address = identity?.VerifiableAddresses.FirstOrDefault(a => a.Id == used.AddressId);
        if (address is null || address.Verified)
        {
            return;
        }

        address.MarkVerified(factory.Now);
        await identities.UpdateVerifiableAddressAsync(address, ct);
    }

    /// <summary>A new flow in place of one that cannot go on, carrying <paramref name="message"/>.</summary>
    private async Task<VerificationFlow> ReplaceAsync(HttpContext context, VerificationFlow old, UiText message, CancellationToken ct)
    {
        var replacement = New(old.Type, old.RequestUrl);
        factory.InitReplacement(replacement, old, context);
        PopulateChooseMethod(replacement, null);
        replacement.Ui.Messages.Add(message);
        await store.CreateAsync(replacement, ct);
        return replacement;
    }
}
