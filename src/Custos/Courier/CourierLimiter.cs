using Custos.Config;
using Custos.Security.Throttling;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// The mail and SMS limits of <c>security.throttling</c>: at most <c>courier_address</c> recovery, verification and code
/// messages per recipient and <c>courier_client</c> per client address in a window. A message over a limit is not
/// queued (nor its code issued) and the flow answers as if it went out, so the limit tells nothing about who has an
/// account; the refusal is logged without the recipient, as every courier log line.
/// </summary>
internal sealed partial class CourierLimiter(
    IThrottleStore store,
    ThrottleKeyHasher hasher,
    ClientAddressResolver clients,
    IHttpContextAccessor http,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock,
    ILogger<CourierLimiter> logger)
{
    /// <summary>
    /// Counts one <paramref name="templateType"/> message to <paramref name="recipient"/> on <paramref name="channel"/>
    /// (<c>email</c> or <c>sms</c>) against both limits; false when either is used up (then nothing was counted for the
    /// rule that refused).
    /// </summary>
    public async Task<bool> TryAllowAsync(string channel, string recipient, string templateType, CancellationToken ct)
    {
        var throttling = options.CurrentValue.Security.Throttling;
        if (!throttling.Enabled)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        // Addresses are compared as the flows store them: e-mail case-insensitively.
        var to = channel == "email" ? recipient.Trim().ToLowerInvariant() : recipient.Trim();
        var byRecipient = await store.TryTakeAsync(hasher.Key(throttling.Rule(ThrottleRules.CourierAddress), null, channel, to), now, ct);
        if (!byRecipient.Allowed)
        {
            Refused(logger, ThrottleRules.CourierAddress, templateType, channel);
            return false;
        }

        // Messages queued without a request (the CLI, background work) have no client to count.
        if (http.HttpContext is { } context)
        {
            var byClient = await store.TryTakeAsync(hasher.Key(throttling.Rule(ThrottleRules.CourierClient), null, clients.Resolve(context)), now, ct);
            if (!byClient.Allowed)
            {
                Refused(logger, ThrottleRules.CourierClient, templateType, channel);
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(EventId = 6030, Level = LogLevel.Warning, Message = "A {TemplateType} message on channel {Channel} was not queued: security.throttling.{Rule} is used up (the flow answered as if it was sent)")]
    private static partial void Refused(ILogger logger, string rule, string templateType, string channel);
}
