using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier;
using Custos.Courier.Templates;
using Custos.Identity;
using Custos.SelfService.Strategies.Code;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>
/// Issues recovery codes and link tokens and queues their messages (<c>recovery_code_valid</c> / <c>recovery_valid</c>).
/// An unknown address gets nothing, or the <c>*_invalid</c> message with <c>notify_unknown_recipients</c>; the flow
/// answers the same either way (no account enumeration).
/// </summary>
internal sealed class RecoverySender(
    FlowFactory factory,
    IPrivilegedIdentityPool identities,
    IOneTimeSecretStore secrets,
    OneTimeSecretIssuer issuer,
    ICourier courier)
{
    private CustosOptions O => factory.Options;

    /// <summary>Whether <c>selfservice.flows.recovery.use</c> is <c>link</c>: the method of flows that have not chosen one.</summary>
    public bool UsesLink => O.Selfservice.Flows.Recovery.Use == AddressFlowStrategy.Link;

    /// <summary>Sends a link (<paramref name="link"/>) or a code for <paramref name="flow"/>: the flow's method, not necessarily <c>use</c>.</summary>
    public async Task SendToAsync(RecoveryFlow flow, string email, bool link, CancellationToken ct)
    {
        var value = IdentifierNormalizer.NormalizeAddress("email", email);
        var owner = await identities.FindRecoveryAddressAsync("email", value, ct);
        var identity = owner is null ? null : await identities.GetAsync(owner.IdentityId, withCredentials: false, ct);
        flow.SentTo = value;
        if (owner is null || identity is null)
        {
            if (O.Selfservice.Flows.Recovery.NotifyUnknownRecipients)
            {
                var type = link ? CourierTemplateTypes.RecoveryInvalid : CourierTemplateTypes.RecoveryCodeInvalid;
                await courier.QueueEmailAsync(value, type, new JsonObject { ["To"] = value, ["RequestURL"] = flow.RequestUrl, ["TransientPayload"] = flow.TransientPayload?.DeepClone() }, ct);
            }

            return;
        }

        var kind = link ? OneTimeSecretKind.RecoveryToken : OneTimeSecretKind.RecoveryCode;
        var lifespan = link ? O.Selfservice.Methods.Link.Config.Lifespan : O.Selfservice.Methods.Code.Config.Lifespan;
        await secrets.DeleteForFlowAsync(kind, flow.Id, ct);
        var secret = await issuer.IssueAsync(kind, flow.Id, identity.Id, owner.Address.Id, lifespan, OneTimeSecret.SelfService, ct);
        var data = new JsonObject
        {
            ["To"] = value,
            ["Identity"] = IdentityJson.Public(identity, FlowUrls.Public(O, "/")),
            ["RequestURL"] = flow.RequestUrl,
            ["TransientPayload"] = flow.TransientPayload?.DeepClone(),
            ["ExpiresInMinutes"] = (int)lifespan.TotalMinutes,
        };
        if (link)
        {
            data["RecoveryURL"] = LinkUrl(flow.Id, secret);
            await courier.QueueEmailAsync(value, CourierTemplateTypes.RecoveryValid, data, ct);
        }
        else
        {
            data["RecoveryCode"] = secret;
            await courier.QueueEmailAsync(value, CourierTemplateTypes.RecoveryCodeValid, data, ct);
        }
    }

    public string LinkUrl(Guid flowId, string token) =>
        (O.Selfservice.Methods.Link.Config.BaseUrl ?? FlowUrls.Public(O, "")).TrimEnd('/') + $"/self-service/recovery?flow={flowId:D}&token={token}";
}
