using Custos.Courier.Templates;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

internal sealed partial class CodeStrategy : IVerificationStrategy
{
    public void Populate(VerificationFlow flow) => AddressForm.Show(flow.Ui, Method, Messages.InfoNodeLabelContinue(), null);

    public async Task SendAsync(VerificationFlow flow, Identity.Identity identity, VerifiableAddress address, CancellationToken ct)
    {
        await sender.SendAsync(flow, identity, address, VerificationMessage(flow), ct);
        ShowSent(flow, address.Value);
    }

    public async Task<StrategyOutcome<VerificationSucceeded>> SubmitAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var code = submission.Text("code");
        if (!IsFor(submission.Method, code))
        {
            return StrategyOutcome<VerificationSucceeded>.NotResponsible;
        }

        if (string.IsNullOrEmpty(code))
        {
            return await SendAsync(submission, ct);
        }

        // The link inside a code e-mail (a GET) fills the code in and lets the UI post it.
        return HttpMethods.IsGet(submission.Request.Method) ? await PrefillAsync(submission, code, ct) : await RedeemAsync(submission, code, ct);
    }

    private SecretMessage VerificationMessage(VerificationFlow flow) => new(OneTimeSecretKind.VerificationCode, Lifespan,
        CourierTemplateTypes.VerificationCodeValid, CourierTemplateTypes.VerificationCodeInvalid, (data, code) =>
        {
            data["VerificationCode"] = code;
            data["VerificationURL"] = FlowUrls.Public(O, $"/self-service/verification?code={code}&flow={flow.Id:D}");
        });

    private async Task<StrategyOutcome<VerificationSucceeded>> SendAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var (flow, email) = (submission.Flow, submission.Text("email"));
        if (!AddressForm.Accepts(submission, factory, email, "email", UiNodeGroup.Code))
        {
            return StrategyOutcome<VerificationSucceeded>.Invalid;
        }

        await sender.SendAsync(flow, email, VerificationMessage(flow), ct);
        ShowSent(flow, email.Trim());
        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
    }

    // The mail may be opened in another browser than the one that started the flow: the flow is bound to a new CSRF token.
    private async Task<StrategyOutcome<VerificationSucceeded>> PrefillAsync(FlowSubmission<VerificationFlow> submission, string code, CancellationToken ct)
    {
        var flow = submission.Flow;
        flow.CsrfToken = submission.Request.RotateCsrf();
        ShowSent(flow, flow.SentTo ?? "");
        flow.Ui.Find("code")!.Value = code;
        if (flow.SentTo is null)
        {
            flow.Ui.Nodes.RemoveAll(n => n.Key == "email");
        }

        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Redirect(FlowUrls.Ui(FlowKind.Verification, O, flow.Id)));
    }

    private async Task<StrategyOutcome<VerificationSucceeded>> RedeemAsync(FlowSubmission<VerificationFlow> submission, string code, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        if (await SubmittedTooOftenAsync(flow, ct))
        {
            return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Superseded(
                await verificationFlows.ReplaceAsync(request, flow, this, OneTimeSecrets.SubmittedTooOften(), ct)));
        }

        var guessed = await guesses.ForAddressFlowAsync(flow.SentTo, verification: true, ct);
        if (await guesses.TakeAsync(guessed, ct) is { } retryAfter)
        {
            return StrategyOutcome<VerificationSucceeded>.Respond(await ThrottledAsync(flow, retryAfter, ct));
        }

        switch (await redeemer.RedeemAsync(OneTimeSecretKind.VerificationCode, flow.Id, code, ct))
        {
            case Redemption.Redeemed redeemed:
                await guesses.ClearAsync(guessed, ct);
                return StrategyOutcome<VerificationSucceeded>.Success(new VerificationSucceeded(redeemed.Secret, new FlowOutcome.Step(flow, StatusCodes.Status200OK)));
            case Redemption.Expired expired:
                var replacement = await verificationFlows.ReplaceAsync(request, flow, this, Messages.ErrorValidationVerificationFlowExpired(expired.ExpiredAt, factory.Time), ct);
                return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Replaced(flow, replacement, factory.Now));
            default:
                flow.Ui.ResetMessages();
                flow.Ui.Find("code")?.Messages.Clear();
                flow.Ui.Messages.Add(Messages.ErrorValidationVerificationCodeInvalidOrAlreadyUsed());
                factory.AddCsrfNode(flow);
                await store.UpdateAsync(flow, ct);
                // Kratos answers a wrong verification code with 200 and the flow.
                return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
        }
    }

    /// <summary>After sending: the code form with a resend button for <paramref name="email"/>, and the "sent" message.</summary>
    private void ShowSent(VerificationFlow flow, string email)
    {
        flow.State = "sent_email";
        flow.Active = Method;
        flow.Ui.ResetMessages();
        ShowCodeForm(flow.Ui, Messages.InfoNodeLabelVerificationCode(), email);
        flow.Ui.Messages.Add(Messages.InfoSelfServiceVerificationEmailWithCodeSent());
    }
}
