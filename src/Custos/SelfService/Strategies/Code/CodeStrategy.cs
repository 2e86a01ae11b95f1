using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The <c>code</c> method for recovery and verification (one class, partial files per flow): a 6-digit code by e-mail.
/// It owns its nodes, its message and its redemption, and shares the e-mail channel (<see cref="EmailSecretSender"/>)
/// and the one redemption path (<see cref="OneTimeSecretRedeemer"/>) with the link method; it never writes the response.
/// </summary>
internal sealed partial class CodeStrategy(
    FlowFactory factory,
    IFlowStore store,
    EmailSecretSender sender,
    OneTimeSecretRedeemer redeemer,
    OneTimeSecretIssuer issuer,
    RecoveryFlowReplacer recoveryFlows,
    VerificationFlowReplacer verificationFlows,
    CodeGuessLimit guesses) : IAuthStrategy
{
    public string Method => "code";

    public int Order => StrategyOrder.Code;

    public AddressFlowStrategy Use => AddressFlowStrategy.Code;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Code.Enabled;

    private CustosOptions O => factory.Options;

    private TimeSpan Lifespan => O.Selfservice.Methods.Code.Config.Lifespan;

    // A body is for this method when it names it, or names none and carries a code.
    private bool IsFor(string? method, string? code) => method == Method || (method is null && !string.IsNullOrEmpty(code));

    // Counted before the code is looked at, so parallel guesses cannot get past the limit.
    private async Task<bool> SubmittedTooOftenAsync(Flow flow, CancellationToken ct) =>
        await store.IncrementSubmitCountAsync(flow, ct) > O.Selfservice.Methods.Code.Config.MaxSubmissions;

    /// <summary>
    /// <c>code_identity</c> is used up: the flow stays in its code step with the throttling message (browsers see it on
    /// the page), JSON clients get 429 with <c>Retry-After</c>. The code was not looked at.
    /// </summary>
    private async Task<FlowOutcome> ThrottledAsync(Flow flow, int retryAfter, CancellationToken ct)
    {
        flow.Ui.ResetMessages();
        flow.Ui.Messages.Add(Messages.ErrorValidationThrottled(retryAfter));
        factory.AddCsrfNode(flow);
        await store.UpdateAsync(flow, ct);
        return new FlowOutcome.Throttled(flow, retryAfter);
    }

    /// <summary>The code step: the code, the method (hidden and as the button, as Kratos sends it) and, with a known address, a resend button.</summary>
    private static void ShowCodeForm(UiContainer ui, UiText codeLabel, string? email)
    {
        ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "code", "text", required: true, autocomplete: "one-time-code", label: codeLabel, pattern: "[0-9]+", maxLength: 6));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "hidden", "code"));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "submit", "code", label: Messages.InfoNodeLabelContinue()));
        if (email is not null)
        {
            ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "email", "submit", email, label: Messages.InfoNodeLabelResendOTP()));
        }
    }
}
