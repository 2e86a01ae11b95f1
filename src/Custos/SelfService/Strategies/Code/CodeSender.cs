using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Courier;
using Custos.Courier.Templates;
using Custos.Identity;
using Custos.SelfService.Flows;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Issues login and registration codes and queues their messages (<c>login_code_valid</c>, <c>registration_code_valid</c>)
/// with Kratos's template models: e-mail addresses through the e-mail channel, phone numbers through the courier's SMS
/// channel (with the WebOTP domain). Every address gets its own code, so the address a code was used from is known.
/// </summary>
internal sealed class CodeSender(ICourier courier, IOneTimeSecretStore secrets, OneTimeSecretIssuer issuer, CourierLimiter limiter, IOptionsMonitor<CustosOptions> options)
{
    private TimeSpan Lifespan => options.CurrentValue.Selfservice.Methods.Code.Config.Lifespan;

    /// <summary>
    /// Replaces the flow's login codes with one new code per address (earlier codes stop working) and queues a
    /// message to each. The model carries the identity as the admin API shows it, without credentials.
    /// </summary>
    public async Task SendLoginCodesAsync(Flow flow, Identity.Identity identity, IReadOnlyList<CodeAddress> to, CancellationToken ct)
    {
        await secrets.DeleteForFlowAsync(OneTimeSecretKind.LoginCode, flow.Id, ct);
        foreach (var address in to)
        {
            // Over the mail limit the address gets no code; the flow still answers "sent" (no enumeration).
            if (!await limiter.TryAllowAsync(address.Channel, address.Address, CourierTemplateTypes.LoginCodeValid, ct))
            {
                continue;
            }

            var code = await issuer.IssueCodeAsync(OneTimeSecretKind.LoginCode, flow.Id, identity.Id, address, Lifespan, ct);
            var data = Common(flow, address);
            data["LoginCode"] = code;
            data["Identity"] = IdentityJson.Public(identity, FlowUrls.Public(options.CurrentValue, "/"));
            await QueueAsync(address, CourierTemplateTypes.LoginCodeValid, data, flow, ct);
        }
    }

    /// <summary>
    /// Replaces the flow's registration codes with one new code per address and queues a message to each. The e-mail
    /// model carries the submitted traits as <c>Traits</c>, the SMS model (a Kratos quirk kept for templates written
    /// against it) as <c>Identity</c>.
    /// </summary>
    public async Task SendRegistrationCodesAsync(Flow flow, JsonNode traits, IReadOnlyList<CodeAddress> to, CancellationToken ct)
    {
        await secrets.DeleteForFlowAsync(OneTimeSecretKind.RegistrationCode, flow.Id, ct);
        foreach (var address in to)
        {
            if (!await limiter.TryAllowAsync(address.Channel, address.Address, CourierTemplateTypes.RegistrationCodeValid, ct))
            {
                continue;
            }

            var code = await issuer.IssueCodeAsync(OneTimeSecretKind.RegistrationCode, flow.Id, null, address, Lifespan, ct);
            var data = Common(flow, address);
            data["RegistrationCode"] = code;
            data[address.Channel == CodeAddress.Sms ? "Identity" : "Traits"] = traits.DeepClone();
            await QueueAsync(address, CourierTemplateTypes.RegistrationCodeValid, data, flow, ct);
        }
    }

    private JsonObject Common(Flow flow, CodeAddress to) => new()
    {
        ["To"] = to.Address,
        ["RequestURL"] = flow.RequestUrl,
        ["TransientPayload"] = flow.TransientPayload?.DeepClone(),
        ["ExpiresInMinutes"] = (int)Lifespan.TotalMinutes,
    };

    private Task<Guid> QueueAsync(CodeAddress to, string templateType, JsonObject data, Flow flow, CancellationToken ct)
    {
        if (to.Channel != CodeAddress.Sms)
        {
            return courier.QueueEmailAsync(to.Address, templateType, data, ct);
        }

        // The WebOTP line (@domain #code) binds the code to the site; a request URL without a host just omits it.
        if (Uri.TryCreate(flow.RequestUrl, UriKind.Absolute, out var url) && url.Host.Length > 0)
        {
            data["RequestURLDomain"] = url.Host;
        }

        return courier.QueueSmsAsync(to.Address, templateType, data, ct);
    }
}
