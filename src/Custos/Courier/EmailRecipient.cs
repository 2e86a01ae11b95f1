using MimeKit;

namespace Custos.Courier;

/// <summary>The check an e-mail recipient passes before a message is queued: one bare address that MimeKit sends to.</summary>
internal static class EmailRecipient
{
    /// <summary>
    /// True for a single addr-spec (no display name, no list, no header injection) that MimeKit parses to exactly this
    /// address, so the worker can always build the envelope and <c>To</c> header from it (<see cref="MailboxAddress"/>).
    /// </summary>
    public static bool IsValid(string recipient)
    {
        var trimmed = recipient.Trim();
        return trimmed.Length > 0
            && !trimmed.Any(char.IsControl)
            && MailboxAddress.TryParse(ParserOptions.Default, trimmed, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name)
            && mailbox.Route.Count == 0
            && string.Equals(mailbox.Address, trimmed, StringComparison.Ordinal);
    }
}
