using Custos.Courier.Templates;
using Custos.Hosting;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Link;

internal sealed partial class LinkStrategy : IRecoveryStrategy
{
    private const string RecoveryAuthentication = "link_recovery";

    private SecretMessage RecoveryMessage(RecoveryFlow flow) => new(OneTimeSecretKind.RecoveryToken, Lifespan,
        CourierTemplateTypes.RecoveryValid, CourierTemplateTypes.RecoveryInvalid, (data, token) => data["RecoveryURL"] = LinkUrl("recovery", flow.Id, token));

    public void Populate(RecoveryFlow flow) => AddressForm.Show(flow.Ui, Method, Messages.InfoNodeLabelSubmit(), null);

    public void PopulateAdminFlow(RecoveryFlow flow) => Populate(flow);

    /// <summary>An admin's link for <paramref name="flow"/> (<c>POST /admin/recovery/link</c>), to be handed out.</summary>
    public async Task<string> IssueAdminRecoveryLinkAsync(RecoveryFlow flow, Guid identityId, TimeSpan expiresIn, CancellationToken ct) =>
        LinkUrl("recovery", flow.Id, await issuer.IssueAsync(OneTimeSecretKind.RecoveryToken, flow.Id, identityId, null, expiresIn, OneTimeSecret.Admin, ct));

    public async Task<StrategyOutcome<RecoverySucceeded>> SubmitAsync(FlowSubmission<RecoveryFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        var token = submission.Text("token");
        if (!IsFor(submission.Method, token))
        {
            return StrategyOutcome<RecoverySucceeded>.NotResponsible;
        }

        // The method may have been switched off since it issued this flow's link: Kratos answers 404, as for its admin endpoint.
        if (!IsEnabled(O))
        {
            throw KratosErrors.EndpointDisabled();
        }

        // A link is judged by its token before the flow's state, as in Kratos: a used one gets 4060004.
        if (!string.IsNullOrEmpty(token))
        {
            return await RedeemAsync(submission, token, ct);
        }

        if (flow.State == "passed_challenge")
        {
            var replacement = await recoveryFlows.ReplaceAsync(submission.Request, flow, this, Messages.ErrorValidationRecoveryRetrySuccess(), ct);
            return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Superseded(replacement));
        }

        return await SendAsync(submission, ct);
    }

    private async Task<StrategyOutcome<RecoverySucceeded>> SendAsync(FlowSubmission<RecoveryFlow> submission, CancellationToken ct)
    {
        var (flow, email) = (submission.Flow, submission.Text("email"));
        if (!AddressForm.Accepts(submission, factory, email, "email", UiNodeGroup.Link))
        {
            return StrategyOutcome<RecoverySucceeded>.Invalid;
        }

        await sender.SendAsync(flow, email, RecoveryMessage(flow), ct);
        flow.State = "sent_email";
        flow.Active = Method;
        AddressForm.Show(flow.Ui, Method, Messages.InfoNodeLabelSubmit(), email.Trim());
        flow.Ui.Messages.Add(Messages.InfoSelfServiceRecoveryEmailSent());
        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
    }

    // A bad or expired link leads to a new flow in the recovery UI, where the person can ask for another one.
    private async Task<StrategyOutcome<RecoverySucceeded>> RedeemAsync(FlowSubmission<RecoveryFlow> submission, string token, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (await redeemer.RedeemAsync(OneTimeSecretKind.RecoveryToken, flow.Id, token, ct) is Redemption.Redeemed redeemed)
        {
            return StrategyOutcome<RecoverySucceeded>.Success(new RecoverySucceeded(redeemed.Secret, RecoveryAuthentication));
        }

        var replacement = await recoveryFlows.ReplaceAsync(submission.Request, flow, this, Messages.ErrorValidationRecoveryTokenInvalidOrAlreadyUsed(), ct);
        return StrategyOutcome<RecoverySucceeded>.Respond(new FlowOutcome.Redirect(FlowUrls.Ui(FlowKind.Recovery, O, replacement.Id)));
    }
}
