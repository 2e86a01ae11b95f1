using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Strategies.Code;

namespace Custos.SelfService.Strategies.Link;

/// <summary>
/// The <c>link</c> method for recovery and verification (one class, partial files per flow): a one-time link by e-mail,
/// opened in a browser. It owns its nodes, its message and its redemption, and shares the e-mail channel
/// (<see cref="EmailSecretSender"/>) and the one redemption path (<see cref="OneTimeSecretRedeemer"/>) with the code method.
/// </summary>
internal sealed partial class LinkStrategy(
    FlowFactory factory,
    IFlowStore store,
    EmailSecretSender sender,
    OneTimeSecretRedeemer redeemer,
    OneTimeSecretIssuer issuer,
    RecoveryFlowReplacer recoveryFlows,
    VerificationFlowReplacer verificationFlows) : IAuthStrategy
{
    public string Method => "link";

    public int Order => StrategyOrder.Link;

    public AddressFlowStrategy Use => AddressFlowStrategy.Link;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Methods.Link.Enabled;

    private CustosOptions O => factory.Options;

    private TimeSpan Lifespan => O.Selfservice.Methods.Link.Config.Lifespan;

    // A body is for this method when it names it, or names none and carries a token (a link opened from a mail).
    private bool IsFor(string? method, string? token) => method == Method || (method is null && !string.IsNullOrEmpty(token));

    /// <summary>The link a message carries: <c>selfservice.methods.link.config.base_url</c> (else the public URL) and the flow's submit route.</summary>
    private string LinkUrl(string flowSegment, Guid flowId, string token) =>
        (O.Selfservice.Methods.Link.Config.BaseUrl ?? FlowUrls.Public(O, "")).TrimEnd('/') + $"/self-service/{flowSegment}?flow={flowId:D}&token={token}";
}
