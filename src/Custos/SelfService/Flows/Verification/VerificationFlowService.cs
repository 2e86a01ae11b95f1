using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Verification;

/// <summary>
/// Verification flows (<c>choose_method</c> → <c>sent_email</c> → <c>passed_challenge</c>) with the strategy named by
/// <c>selfservice.flows.verification.use</c>: a 6-digit code (default) or a link.
/// </summary>
internal sealed partial class VerificationFlowService(
    FlowFactory factory,
    IFlowStore store,
    FlowResponder responder,
    VerificationSender sender,
    IOneTimeSecretStore secrets,
    OneTimeSecrets hmac,
    IPrivilegedIdentityPool identities,
    DbSession db)
{
    private CustosOptions O => factory.Options;

    private string Method => O.Selfservice.Flows.Verification.Use == AddressFlowStrategy.Link ? "link" : "code";

    public async Task<IResult> CreateAsync(HttpContext context, string type, CancellationToken ct)
    {
        EnsureEnabled();
        var flow = factory.Init(New(type, FlowUrls.RequestUrl(context, O)), context);
        PopulateChooseMethod(flow, null);
        await store.CreateAsync(flow, ct);
        return responder.Created(context, flow);
    }

    /// <summary>
    /// A verification flow already in <c>sent_email</c> for one address of <paramref name="identity"/>, created by a
    /// hook (registration, <c>require_verified_address</c>) rather than by the person.
    /// </summary>
    public async Task<VerificationFlow> CreateSentAsync(FlowRequest request, string type, Identity.Identity identity, VerifiableAddress address, string? returnTo, CancellationToken ct)
    {
        var requestUrl = FlowUrls.Public(O, "/self-service/verification/" + (type == FlowTypes.Browser ? "browser" : "api"));
        if (returnTo is not null)
        {
            requestUrl = FlowUrls.WithQuery(requestUrl, "return_to", returnTo);
        }

        var flow = New(type, requestUrl);
        factory.InitWithoutReturnTo(flow, request);
        await store.CreateAsync(flow, ct);
        await sender.SendAsync(flow, identity, address, ct);
        ShowSent(flow, address.Value);
        await store.UpdateAsync(flow, ct);
        return flow;
    }

    public async Task<IResult> GetAsync(HttpContext context, CancellationToken ct)
    {
        EnsureEnabled();
        var flow = await store.GetAsync<VerificationFlow>(FlowRequests.FlowId(context, "id"), ct)
            ?? throw KratosErrors.NotFound("The verification request could not be found. Please restart the flow.");
        factory.VerifyCsrfCookie(context, flow);
        if (flow.IsExpired(factory.Now))
        {
            throw FlowRequests.Expired(flow, FlowUrls.Public(O, ""), withId: false);
        }

        if (flow.State != "passed_challenge")
        {
            factory.AddCsrfNode(flow);
        }

        return Results.Json(flow.ToJson());
    }

    private void EnsureEnabled()
    {
        if (!O.Selfservice.Flows.Verification.Enabled)
        {
            throw KratosErrors.BadRequest("Verification is not allowed because it was disabled.");
        }
    }

    private static VerificationFlow New(string type, string requestUrl) =>
        new() { Id = Guid.NewGuid(), Type = type, RequestUrl = requestUrl, Ui = new UiContainer { Action = "" } };

    /// <summary>The first screen: the address to verify and the method's submit button.</summary>
    private void PopulateChooseMethod(VerificationFlow flow, string? email)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        var group = Method == "link" ? UiNodeGroup.Link : UiNodeGroup.Code;
        flow.Ui.Nodes.Add(UiNode.Input(group, "email", "email", email, required: true, autocomplete: "email", label: Messages.InfoNodeLabelEmail()));
        flow.Ui.Nodes.Add(UiNode.Input(group, "method", "submit", Method, label: Method == "link" ? Messages.InfoNodeLabelSubmit() : Messages.InfoNodeLabelContinue()));
    }

    /// <summary>After sending: the code form (code) or the address form again (link), with the "sent" message.</summary>
    private void ShowSent(VerificationFlow flow, string email)
    {
        flow.State = "sent_email";
        flow.Active = Method;
        flow.Ui.ResetMessages();
        if (Method == "link")
        {
            PopulateChooseMethod(flow, email);
            flow.Ui.Messages.Add(Messages.InfoSelfServiceVerificationEmailSent());
            return;
        }

        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "code", "text", required: true, autocomplete: "one-time-code", label: Messages.InfoNodeLabelVerificationCode(), pattern: "[0-9]+", maxLength: 6));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "hidden", "code"));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "submit", "code", label: Messages.InfoNodeLabelContinue()));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "email", "submit", email, label: Messages.InfoNodeLabelResendOTP()));
        flow.Ui.Messages.Add(Messages.InfoSelfServiceVerificationEmailWithCodeSent());
    }

    /// <summary>The address is verified: the flow becomes a "continue" link to the return URL.</summary>
    private void ShowPassed(VerificationFlow flow)
    {
        var continueUrl = ContinueUrl(flow);
        flow.State = "passed_challenge";
        flow.Ui = new UiContainer { Action = continueUrl, Method = "GET" };
        flow.Ui.Nodes.Add(UiNode.Anchor(UiNodeGroup.Code, "continue", continueUrl, Messages.InfoNodeLabelContinue()));
        flow.Ui.Messages.Add(Messages.InfoSelfServiceVerificationSuccessful());
    }

    // return_to was checked against the allow-list when the flow was created.
    private string ContinueUrl(VerificationFlow flow) =>
        flow.ReturnTo ?? O.Selfservice.Flows.Verification.After.DefaultBrowserReturnUrl ?? O.Selfservice.DefaultBrowserReturnUrl;

    private static JsonObject? TransientPayload(JsonObject payload) => payload["transient_payload"] as JsonObject;
}
