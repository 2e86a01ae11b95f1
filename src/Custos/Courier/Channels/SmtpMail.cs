using System.Globalization;
using Custos.Config;
using MimeKit;

namespace Custos.Courier.Channels;

/// <summary>
/// The MIME form of a courier e-mail, as Kratos builds it: <c>from_address</c>/<c>from_name</c>, the recipient, the
/// subject, the configured <c>headers</c> (set after the standard ones, so they can replace them; <c>Cc</c>/<c>Bcc</c>
/// given there are delivered too), and the plain-text body with the HTML body as an alternative when there is one.
/// Custos adds a stable <c>Message-ID</c> and, with <c>courier.smtp.dkim</c>, a DKIM signature.
/// </summary>
internal static class SmtpMail
{
    // RFC 6376 §5.4.1's recommended set. Absent ones are signed too, so they cannot be added on the way.
    private static readonly string[] SignedHeaders =
        ["From", "Reply-To", "Sender", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"];

    /// <summary>Builds the message; throws <see cref="ParseException"/> when an address is not one.</summary>
    public static MimeMessage Compose(CourierMessage message, SmtpOptions smtp, DateTimeOffset now)
    {
        var mail = new MimeMessage { Date = now, Subject = message.Subject };
        mail.From.Add(new MailboxAddress(string.IsNullOrEmpty(smtp.FromName) ? null : smtp.FromName, smtp.FromAddress));
        mail.To.Add(new MailboxAddress(null, message.Recipient));
        foreach (var (name, value) in smtp.Headers)
        {
            mail.Headers.Replace(name, value);
        }

        // A resend of the same courier message carries the same id, so receivers (and the courier itself) can tell a
        // repeat from a new mail. Set last: a configured Message-ID header must not break that.
        mail.MessageId = MessageId(message.Id, smtp.FromAddress);
        var text = new TextPart("plain") { Text = message.Body };
        mail.Body = message.HtmlBody is { Length: > 0 } html
            ? new MultipartAlternative { text, new TextPart("html") { Text = html } }
            : text;
        return mail;
    }

    /// <summary>The Message-ID of a courier message (without angle brackets): <c>{id}@{domain of from_address}</c>.</summary>
    public static string MessageId(Guid id, string fromAddress) =>
        $"{id.ToString("D", CultureInfo.InvariantCulture)}@{FromDomain(fromAddress) ?? "localhost"}";

    /// <summary>The ASCII (punycode) domain of an e-mail address, or null when it is not an address with a domain.</summary>
    public static string? FromDomain(string address)
    {
        try
        {
            var domain = new MailboxAddress(null, address).Domain;
            return string.IsNullOrEmpty(domain) ? null : new IdnMapping().GetAscii(domain);
        }
        catch (Exception e) when (e is ParseException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Adds the DKIM-Signature header. The body is encoded for 7-bit transport first: MailKit leaves a signed message
    /// as it is, so what is signed is exactly what is sent.
    /// </summary>
    public static void Sign(MimeMessage mail, SmtpDkimOptions dkim, TimeProvider clock)
    {
        var key = DkimKeyFile.Read(dkim.PrivateKeyPath!, out var error)
            ?? throw new CourierDispatchException(SmtpChannel.Reason, $"courier.smtp.dkim.private_key_path: {error}");
        var signer = new ClockedDkimSigner(key, dkim.Domain!, dkim.Selector!, clock)
        {
            HeaderCanonicalizationAlgorithm = MimeKit.Cryptography.DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = MimeKit.Cryptography.DkimCanonicalizationAlgorithm.Relaxed,
        };
        mail.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(mail, SignedHeaders);
    }
}
