using System.Text;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Admin.Webhooks;

/// <summary>
/// Keeps webhook signing secrets at rest: sealed with <see cref="AeadSeal"/> under the first <c>secrets.cipher</c>
/// entry (else the first <c>secrets.default</c>), bound to the webhook's id so a sealed value copied onto another
/// subscription does not open; every listed secret opens (rotation). With neither configured the secret is stored as
/// is (as TOTP secrets are without <c>secrets.cipher</c>) and a warning is logged: a per-process key would leave the
/// other nodes, and this one after a restart, unable to sign.
/// </summary>
internal sealed partial class EventWebhookSecrets(IOptionsMonitor<CustosOptions> options, ILogger<EventWebhookSecrets> logger)
{
    public string Seal(Guid webhookId, string secret)
    {
        var keys = Keys();
        if (keys.Count == 0)
        {
            LogUnsealed(logger, webhookId);
            return secret;
        }

        return AeadSeal.Seal(Encoding.UTF8.GetBytes(secret), keys[0], Purpose(webhookId));
    }

    /// <summary>The secret, or null when the stored value opens under none of the configured secrets.</summary>
    public string? Open(Guid webhookId, string stored)
    {
        // A sealed value is base64url of a version byte 1 ("AQ…"), so it never starts with the secret's prefix.
        if (stored.StartsWith(StandardWebhookSignature.SecretPrefix, StringComparison.Ordinal))
        {
            return stored;
        }

        return AeadSeal.Open(stored, Keys(), Purpose(webhookId)) is { } plaintext ? Encoding.UTF8.GetString(plaintext) : null;
    }

    private List<byte[]> Keys()
    {
        var secrets = options.CurrentValue.Secrets;
        return secrets.Cipher.Concat(secrets.Default).Select(AeadSeal.Key).ToList();
    }

    private static byte[] Purpose(Guid webhookId) => Encoding.UTF8.GetBytes("custos/event-webhook-secret/v1/" + webhookId.ToString("D"));

    [LoggerMessage(EventId = 14300, Level = LogLevel.Warning,
        Message = "Neither secrets.cipher nor secrets.default is configured: the signing secret of event webhook {WebhookId} is stored unencrypted")]
    private static partial void LogUnsealed(ILogger logger, Guid webhookId);
}
