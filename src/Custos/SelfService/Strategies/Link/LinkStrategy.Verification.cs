using Custos.Courier.Templates;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Link;

internal sealed partial class LinkStrategy : IVerificationStrategy
{
    public void Populate(VerificationFlow flow) => AddressForm.Show(flow.Ui, Method, Messages.InfoNodeLabelSubmit(), null);

    public async Task SendAsync(VerificationFlow flow, Identity.Identity identity, VerifiableAddress address, CancellationToken ct)
    {
        await sender.SendAsync(flow, identity, address, VerificationMessage(flow), ct);
        ShowSent(flow, address.Value);
    }

    public async Task<StrategyOutcome<VerificationSucceeded>> SubmitAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var token = submission.Text("token");
        if (!IsFor(submission.Method, token))
        {
            return StrategyOutcome<VerificationSucceeded>.NotResponsible;
        }

        return string.IsNullOrEmpty(token) ? await SendAsync(submission, ct) : await RedeemAsync(submission, token, ct);
    }

    private SecretMessage VerificationMessage(VerificationFlow flow) => new(OneTimeSecretKind.VerificationToken, Lifespan,
        CourierTemplateTypes.VerificationValid, CourierTemplateTypes.VerificationInvalid, (data, token) => data["VerificationURL"] = LinkUrl("verification", flow.Id, token));

    private async Task<StrategyOutcome<VerificationSucceeded>> SendAsync(FlowSubmission<VerificationFlow> submission, CancellationToken ct)
    {
        var (flow, email) = (submission.Flow, submission.Text("email"));
        if (!AddressForm.Accepts(submission, factory, email, "email", UiNodeGroup.Link))
        {
            return StrategyOutcome<VerificationSucceeded>.Invalid;
        }

        await sender.SendAsync(flow, email, VerificationMessage(flow), ct);
        ShowSent(flow, email.Trim());
        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status200OK));
    }

    // A link is opened by a browser: it lands on the return URL, or on the verification UI showing success; a bad or
    // expired one on a new flow in the verification UI.
    private async Task<StrategyOutcome<VerificationSucceeded>> RedeemAsync(FlowSubmission<VerificationFlow> submission, string token, CancellationToken ct)
    {
        var (flow, request) = (submission.Flow, submission.Request);
        if (await redeemer.RedeemAsync(OneTimeSecretKind.VerificationToken, flow.Id, token, ct) is Redemption.Redeemed redeemed)
        {
            request.RotateCsrf();
            var target = flow.ReturnTo ?? O.Selfservice.Flows.Verification.After.DefaultBrowserReturnUrl ?? FlowUrls.Ui(FlowKind.Verification, O, flow.Id);
            return StrategyOutcome<VerificationSucceeded>.Success(new VerificationSucceeded(redeemed.Secret, new FlowOutcome.Redirect(target)));
        }

        var replacement = await verificationFlows.ReplaceAsync(request, flow, this, Messages.ErrorValidationVerificationTokenInvalidOrAlreadyUsed(), ct);
        return StrategyOutcome<VerificationSucceeded>.Respond(new FlowOutcome.Redirect(FlowUrls.Ui(FlowKind.Verification, O, replacement.Id)));
    }

    /// <summary>After sending: the address form again, with the "sent" message.</summary>
    private void ShowSent(VerificationFlow flow, string email)
    {
        flow.State = "sent_email";
        flow.Active = Method;
        flow.Ui.ResetMessages();
        AddressForm.Show(flow.Ui, Method, Messages.InfoNodeLabelSubmit(), email);
        flow.Ui.Messages.Add(Messages.InfoSelfServiceVerificationEmailSent());
    }
}
