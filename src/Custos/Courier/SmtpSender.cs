using System.Net;
using System.Net.Mail;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Courier;

/// <summary>
/// E-mail over SMTP with System.Net.Mail, configured by <c>courier.smtp.*</c>. <c>smtp://</c> uses STARTTLS unless
/// <c>disable_starttls=true</c>; credentials come from the URI's user info. System.Net.Mail cannot speak implicit TLS,
/// so <c>smtps://</c> is refused with a delivery error rather than silently sent in clear text.
/// </summary>
internal sealed class SmtpSender(IOptionsMonitor<CustosOptions> options) : IEmailSender
{
    public async Task SendAsync(CourierMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue.Courier.Smtp;
        if (string.IsNullOrEmpty(smtp.ConnectionUri))
        {
            throw new InvalidOperationException("courier.smtp.connection_uri is not configured");
        }

        var uri = new Uri(smtp.ConnectionUri);
        if (uri.Scheme == "smtps")
        {
            throw new NotSupportedException("smtps:// (implicit TLS) is not supported by this SMTP sender; use smtp:// with STARTTLS");
        }

        using var client = new SmtpClient(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 25 : uri.Port)
        {
            EnableSsl = !QueryFlag(uri, "disable_starttls"),
            DeliveryMethod = SmtpDeliveryMethod.Network,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            client.Credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }

        using var mail = new MailMessage
        {
            From = string.IsNullOrEmpty(smtp.FromName) ? new MailAddress(smtp.FromAddress) : new MailAddress(smtp.FromAddress, smtp.FromName),
            Subject = message.Subject,
            Body = message.Body,
            IsBodyHtml = false,
        };
        mail.To.Add(message.Recipient);
        foreach (var (name, value) in smtp.Headers)
        {
            mail.Headers[name] = value;
        }

        await client.SendMailAsync(mail, ct);
    }

    private static bool QueryFlag(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value)
        && string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);
}
