using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Verification;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The e-mail channel of the code and link methods, for recovery and verification alike: it finds who owns a typed
/// address, issues a fresh secret for the flow (the flow's earlier ones of that kind stop working) and queues the
/// message the strategy describes. An address nobody owns gets nothing, or the <c>*_invalid</c> notice with
/// <c>notify_unknown_recipients</c>; the flow answers the same either way, so addresses cannot be probed. Both count
/// against the mail limits (<see cref="CourierLimiter"/>).
/// </summary>
internal sealed class EmailSecretSender(
    FlowFactory factory,
    IPrivilegedIdentityPool identities,
    IOneTimeSecretStore secrets,
    OneTimeSecretIssuer issuer,
    ICourier courier,
    CourierLimiter limiter)
{
    private CustosOptions O => factory.Options;

    /// <summary>Sends <paramref name="message"/> for a recovery flow to a typed address, owned or not.</summary>
    public async Task SendAsync(RecoveryFlow flow, string email, SecretMessage message, CancellationToken ct)
    {
        var value = IdentifierNormalizer.NormalizeAddress("email", email);
        var owner = await identities.FindRecoveryAddressAsync("email", value, ct);
        var identity = owner is null ? null : await identities.GetAsync(owner.IdentityId, withCredentials: false, ct);
        flow.SentTo = value;
        if (owner is null || identity is null)
        {
            await NotifyUnknownAsync(flow, value, message, O.Selfservice.Flows.Recovery.NotifyUnknownRecipients, ct);
            return;
        }

        await IssueAsync(flow, identity, owner.Address.Id, value, message, ct);
    }

    /// <summary>Sends <paramref name="message"/> for a verification flow to a typed address, owned or not.</summary>
    public async Task SendAsync(VerificationFlow flow, string email, SecretMessage message, CancellationToken ct)
    {
        var value = IdentifierNormalizer.NormalizeAddress("email", email);
        var owner = await identities.FindVerifiableAddressAsync("email", value, ct);
        if (owner is null)
        {
            await NotifyUnknownAsync(flow, value, message, O.Selfservice.Flows.Verification.NotifyUnknownRecipients, ct);
            return;
        }

        if (await identities.GetAsync(owner.IdentityId, withCredentials: false, ct) is { } identity)
        {
            await SendAsync(flow, identity, owner.Address, message, ct);
        }
    }

    /// <summary>Sends <paramref name="message"/> for a verification flow to <paramref name="address"/> of <paramref name="identity"/>.</summary>
    public async Task SendAsync(VerificationFlow flow, Identity.Identity identity, VerifiableAddress address, SecretMessage message, CancellationToken ct)
    {
        await IssueAsync(flow, identity, address.Id, address.Value, message, ct);
        if (address.Status == VerifiableAddressStatus.Pending)
        {
            address.Status = VerifiableAddressStatus.Sent;
            address.UpdatedAt = factory.Now;
            await identities.UpdateVerifiableAddressAsync(address, ct);
        }

        flow.SentTo = address.Value;
    }

    private async Task IssueAsync(Flow flow, Identity.Identity identity, Guid addressId, string to, SecretMessage message, CancellationToken ct)
    {
        // Over the mail limit nothing is issued or queued, and the flow answers as if it was (no enumeration).
        if (!await limiter.TryAllowAsync("email", to, message.ValidTemplate, ct))
        {
            return;
        }

        await secrets.DeleteForFlowAsync(message.Kind, flow.Id, ct);
        var secret = await issuer.IssueAsync(message.Kind, flow.Id, identity.Id, addressId, message.Lifespan, OneTimeSecret.SelfService, ct);
        var data = new JsonObject
        {
            ["To"] = to,
            ["Identity"] = IdentityJson.Public(identity, FlowUrls.Public(O, "/")),
            ["RequestURL"] = flow.RequestUrl,
            ["TransientPayload"] = flow.TransientPayload?.DeepClone(),
            ["ExpiresInMinutes"] = (int)message.Lifespan.TotalMinutes,
        };
        message.Carry(data, secret);
        await courier.QueueEmailAsync(to, message.ValidTemplate, data, ct);
    }

    private async Task NotifyUnknownAsync(Flow flow, string to, SecretMessage message, bool notify, CancellationToken ct)
    {
        if (notify && await limiter.TryAllowAsync("email", to, message.InvalidTemplate, ct))
        {
            var data = new JsonObject { ["To"] = to, ["RequestURL"] = flow.RequestUrl, ["TransientPayload"] = flow.TransientPayload?.DeepClone() };
            await courier.QueueEmailAsync(to, message.InvalidTemplate, data, ct);
        }
    }
}
