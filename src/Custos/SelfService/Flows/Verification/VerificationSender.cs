using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier;
using Custos.Courier.Templates;
using Custos.Identity;
using Custos.SelfService.Strategies.Code;

namespace Custos.SelfService.Flows.Verification;

/// <summary>
/// Issues a verification code or link token for a flow and queues the message (<c>verification_code_valid</c> or
/// <c>verification_valid</c>). An address nobody owns gets nothing, or the <c>*_invalid</c> message when
/// <c>notify_unknown_recipients</c> is on; callers answer the same either way so addresses cannot be probed.
/// </summary>
internal sealed class VerificationSender(
    FlowFactory factory,
    IPrivilegedIdentityPool identities,
    IOneTimeSecretStore secrets,
    OneTimeSecretIssuer issuer,
    ICourier courier)
{
    private CustosOptions O => factory.Options;

    /// <summary>Sends to a typed e-mail address, known or not.</summary>
    public async Task SendToAsync(VerificationFlow flow, string email, CancellationToken ct)
    {
        var value = IdentifierNormalizer.NormalizeAddress("email", email);
        var owner = await identities.FindVerifiableAddressAsync("email", value, ct);
        if (owner is null)
        {
            if (O.Selfservice.Flows.Verification.NotifyUnknownRecipients)
            {
                var type = UsesLink ? CourierTemplateTypes.VerificationInvalid : CourierTemplateTypes.VerificationCodeInvalid;
                await courier.QueueEmailAsync(value, type, new JsonObject { ["To"] = value, ["RequestURL"] = flow.RequestUrl, ["TransientPayload"] = flow.TransientPayload?.DeepClone() }, ct);
            }

            return;
        }

        var identity = await identities.GetAsync(owner.IdentityId, withCredentials: false, ct);
        if (identity is not null)
        {
            await SendAsync(flow, identity, owner.Address, ct);
        }
    }

    /// <summary>Sends a fresh code (or link) for <paramref name="address"/> of <paramref name="identity"/>; earlier ones of the flow stop working.</summary>
    public async Task SendAsync(VerificationFlow flow, Identity.Identity identity, VerifiableAddress address, CancellationToken ct)
    {
        var kind = UsesLink ? OneTimeSecretKind.VerificationToken : OneTimeSecretKind.VerificationCode;
        var lifespan = UsesLink ? O.Selfservice.Methods.Link.Config.Lifespan : O.Selfservice.Methods.Code.Config.Lifespan;
        await secrets.DeleteForFlowAsync(kind, flow.Id, ct);
        var secret = await issuer.IssueAsync(kind, flow.Id, identity.Id, address.Id, lifespan, OneTimeSecret.SelfService, ct);
        if (address.Status == VerifiableAddressStatus.Pending)
        {
            address.Status = VerifiableAddressStatus.Sent;
            address.UpdatedAt = factory.Now;
            await identities.UpdateVerifiableAddressAsync(address, ct);
        }

        var data = new JsonObject
        {
            ["To"] = address.Value,
            ["Identity"] = IdentityJson.Public(identity, FlowUrls.Public(O, "/")),
            ["RequestURL"] = flow.RequestUrl,
            ["TransientPayload"] = flow.TransientPayload?.DeepClone(),
            ["ExpiresInMinutes"] = (int)lifespan.TotalMinutes,
        };
        if (UsesLink)
        {
            data["VerificationURL"] = LinkBase() + $"/self-service/verification?flow={flow.Id:D}&token={secret}";
            await courier.QueueEmailAsync(address.Value, CourierTemplateTypes.VerificationValid, data, ct);
        }
        else
        {
            data["VerificationCode"] = secret;
            data["VerificationURL"] = FlowUrls.Public(O, $"/self-service/verification?code={secret}&flow={flow.Id:D}");
            await courier.QueueEmailAsync(address.Value, CourierTemplateTypes.VerificationCodeValid, data, ct);
        }

        flow.SentTo = address.Value;
    }

    private bool UsesLink => O.Selfservice.Flows.Verification.Use == AddressFlowStrategy.Link;

    private string LinkBase() => (O.Selfservice.Methods.Link.Config.BaseUrl ?? FlowUrls.Public(O, "")).TrimEnd('/');
}
