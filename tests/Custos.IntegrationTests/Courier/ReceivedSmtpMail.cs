using System.Text.RegularExpressions;

namespace Custos.IntegrationTests.Courier;

/// <summary>A mail <see cref="SlowSmtpServer"/> took: its envelope recipients and raw content.</summary>
public sealed partial record ReceivedSmtpMail(int Index, IReadOnlyList<string> Recipients, string Data, DateTime ReceivedAt)
{
    /// <summary>The <c>Message-ID</c> header, or null.</summary>
    public string? MessageId => MessageIdHeader().Match(Data) is { Success: true } m ? m.Groups[1].Value.Trim() : null;

    [GeneratedRegex(@"^Message-ID:\s*(.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
