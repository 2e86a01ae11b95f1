using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Courier.Channels;

/// <summary>
/// The <c>email</c> channel over SMTP (<c>courier.smtp.*</c>) with System.Net.Mail: a multipart/alternative mail with
/// the plain-text body and, when the message has one, the HTML body; <c>from_address</c>/<c>from_name</c> and the extra
/// <c>headers</c>. TLS (implicit or STARTTLS) goes through an <see cref="SmtpTlsTunnel"/>. An SMTP 5xx answer is a
/// permanent failure (Kratos abandons such messages at once); anything else is retried.
/// </summary>
internal sealed class SmtpChannel(IOptionsMonitor<CustosOptions> options, ILogger<SmtpChannel> logger) : ICourierChannel
{
    private const string Reason = "failed to send email via smtp";

    public async Task DispatchAsync(CourierMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue.Courier.Smtp;
        if (string.IsNullOrEmpty(smtp.ConnectionUri))
        {
            throw new CourierDispatchException(Reason, "courier.smtp.connection_uri is not set");
        }

        var endpoint = SmtpEndpoint.Parse(smtp.ConnectionUri);
        using var mail = Compose(message, smtp);
        await using var tunnel = endpoint.Tls
            ? await SmtpTlsTunnel.OpenAsync(endpoint, smtp.LocalName, ClientCertificate(smtp), ct)
            : null;
        using var client = new SmtpClient(tunnel is null ? endpoint.Host : "127.0.0.1", tunnel?.Port ?? endpoint.Port)
        {
            // Encryption, when configured, is the tunnel's job; this leg is clear text only on loopback.
            EnableSsl = false,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            DeliveryFormat = SmtpDeliveryFormat.International,
            UseDefaultCredentials = false,
            Credentials = endpoint.Credential,
            Timeout = 30_000,
        };
        try
        {
            await client.SendMailAsync(mail, ct);
        }
        catch (SmtpException e)
        {
            var code = (int)e.StatusCode;
            throw new CourierDispatchException(Reason, code > 0 ? $"the SMTP server answered {code}" : $"sending failed: {e.GetType().Name}", permanent: code >= 500, e);
        }
    }

    private static MailMessage Compose(CourierMessage message, SmtpOptions smtp)
    {
        var mail = new MailMessage
        {
            From = string.IsNullOrEmpty(smtp.FromName) ? new MailAddress(smtp.FromAddress) : new MailAddress(smtp.FromAddress, smtp.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.Recipient));
        foreach (var (name, value) in smtp.Headers)
        {
            // System.Net.Mail writes these from its own address lists and drops raw header values for them; Kratos
            // delivers Cc/Bcc given as headers, so they go into the envelope too.
            var target = name.ToUpperInvariant() switch
            {
                "REPLY-TO" => mail.ReplyToList,
                "CC" => mail.CC,
                "BCC" => mail.Bcc,
                _ => null,
            };
            if (target is null)
            {
                mail.Headers[name] = value;
            }
            else
            {
                target.Add(value);
            }
        }

        if (message.HtmlBody is { Length: > 0 } html)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Body, Encoding.UTF8, MediaTypeNames.Text.Plain));
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(html, Encoding.UTF8, MediaTypeNames.Text.Html));
        }
        else
        {
            mail.Body = message.Body;
            mail.BodyEncoding = Encoding.UTF8;
        }

        return mail;
    }

    // As Kratos: a client certificate that cannot be loaded is logged and the mail goes out without one.
    private X509Certificate2? ClientCertificate(SmtpOptions smtp)
    {
        if (string.IsNullOrEmpty(smtp.ClientCertPath) || string.IsNullOrEmpty(smtp.ClientKeyPath))
        {
            return null;
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(smtp.ClientCertPath, smtp.ClientKeyPath);
            // SslStream on Linux needs the key in a persisted (PKCS#12-loaded) form to present it.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            CourierLog.ClientCertificateUnusable(logger, e.GetType().Name);
            return null;
        }
    }
}
