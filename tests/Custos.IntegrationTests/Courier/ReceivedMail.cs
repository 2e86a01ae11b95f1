using MimeKit;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// A raw mail as an SMTP server stored it, parsed with MimeKit: its headers, the envelope recipients the server recorded
/// (<c>X-RcptTo</c>), the decoded subject, and the text and HTML bodies.
/// </summary>
public sealed record ReceivedMail(HeaderList Headers, IReadOnlyList<string> EnvelopeRecipients, string Subject, string Text, string Html)
{
    public static ReceivedMail Parse(byte[] raw)
    {
        using var stream = new MemoryStream(raw);
        var mail = MimeMessage.Load(stream);
        var recipients = (mail.Headers["X-RcptTo"] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new ReceivedMail(mail.Headers, recipients, mail.Subject ?? "", mail.TextBody ?? "", mail.HtmlBody ?? "");
    }
}
