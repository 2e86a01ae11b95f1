using Custos.Courier.Templates;
using Custos.Hosting;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

internal sealed partial class CodeStrategy : IRecoveryStrategy
{
    private const string RecoveryAuthentication = "code_recovery";

    private SecretMessage RecoveryMessage => new(OneTimeSecretKind.RecoveryCode, Lifespan,
        CourierTemplateTypes.RecoveryCodeValid, CourierTemplateTypes.RecoveryCodeInvalid, (data, code) => data["RecoveryCode"] = code);

    public void Populate(RecoveryFlow flow) => AddressForm.Show(flow.Ui, Method, Messages.InfoNodeLabelContinue(), null);

    // The admin hands the code out, so the flow starts at the code step.
    public void PopulateAdminFlow(RecoveryFlow flow)
    {
        flow.State = "sent_email";
        ShowCodeForm(flow.Ui, Messages.InfoNodeLabelRecoveryCode(), null);
    }

    /// <summary>An admin's code for <paramref name="flow"/> (<c>POST /admin/recovery/code</c>), in clear, to be handed out.</summary>
    public Task<string> IssueAdminRecoveryCodeAsync(RecoveryFlow flow, Guid identityId, TimeSpan expiresIn, CancellationToken ct) =>
        issuer.IssueAsync(OneTimeSecretKind.RecoveryCode, flow.Id, identityId, null, expiresIn, OneTimeSecret.Admin, ct);

    public async Task<StrategyOutcome<RecoverySucceeded>> SubmitAsync(FlowSubmission<RecoveryFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        var code = submission.Text("code");
        if (!IsFor(submission.Method, code))
        {
            return StrategyOutcome<RecoverySucceeded>.NotResponsible;
        }

        // The method may have been switched off since it issued this flow's code: Kratos answers 404, as for its admin endpoint.
        if (!IsEnabled(O))
        {
            throw KratosErrors.EndpointDisabled();
        }

        if (flow.State == "passed_challenge")
        {
            var replacement = await recoveryFlows.ReplaceAsync(submission.Request, flow, this, Messages.ErrorValidationRecoveryRetrySuccess(), ct);
            return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Superseded(replacement));
        }

        // A code is only taken in the code step; in the first step (and for a resend) the address decides.
        var email = submission.Text("email");
        return !string.IsNullOrEmpty(code) && string.IsNullOrEmpty(email) && flow.State == "sent_email"
            ? await RedeemAsync(submission, code, ct)
            : await SendAsync(submission, email, ct);
    }

    private async Task<StrategyOutcome<RecoverySucceeded>> SendAsync(FlowSubmission<RecoveryFlow> submission, string? email, CancellationToken ct)
    {
        var flow = submission.Flow;
        // In the code step the resend button carries the address, so what is missing there is the code.
        if (!AddressForm.Accepts(submission, factory, email, flow.State == "sent_email" ? "code" : "email", UiNodeGroup.Code))
        {
            return StrategyOutcome<RecoverySucceeded>.Invalid;
        }

        await sender.SendAsync(flow, email, RecoveryMessage, ct);
        flow.State = "sent_email";
        flow.Active = Method;
        ShowCodeForm(flow.Ui, Messages.InfoNodeLabelRecoveryCode(), email.Trim());
        flow.Ui.Messages.Add(Messages.InfoSelfServiceRecoveryEmailWithCodeSent());
        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
    }

    private async Task<StrategyOutcome<RecoverySucceeded>> RedeemAsync(FlowSubmission<RecoveryFlow> submission, string code, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        if (await SubmittedTooOftenAsync(flow, ct))
        {
            return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Superseded(
                await recoveryFlows.ReplaceAsync(request, flow, this, OneTimeSecrets.SubmittedTooOften(), ct)));
        }

        var guessed = await guesses.ForAddressFlowAsync(flow.SentTo, verification: false, ct);
        if (await guesses.TakeAsync(guessed, ct) is { } retryAfter)
        {
            return StrategyOutcome<RecoverySucceeded>.Respond(await ThrottledAsync(flow, retryAfter, ct));
        }

        switch (await redeemer.RedeemAsync(OneTimeSecretKind.RecoveryCode, flow.Id, code, ct))
        {
            case Redemption.Redeemed redeemed:
                await guesses.ClearAsync(guessed, ct);
                return StrategyOutcome<RecoverySucceeded>.Success(new RecoverySucceeded(redeemed.Secret, RecoveryAuthentication));
            case Redemption.Expired expired:
                var replacement = await recoveryFlows.ReplaceAsync(request, flow, this, Messages.ErrorValidationRecoveryFlowExpired(expired.ExpiredAt, factory.Time), ct);
                return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Replaced(flow, replacement, factory.Now));
            default:
                flow.Ui.ResetMessages();
                flow.Ui.Messages.Add(Messages.ErrorValidationRecoveryCodeInvalidOrAlreadyUsed());
                factory.AddCsrfNode(flow);
                await store.UpdateAsync(flow, ct);
                // Kratos answers a wrong recovery code with 200 and the flow.
                return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
        }
    }
}
