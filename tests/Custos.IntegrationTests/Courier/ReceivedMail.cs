using System.Text;
using System.Text.RegularExpressions;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// A raw mail as an SMTP server stored it, taken apart far enough for assertions: headers (unfolded), the envelope
/// recipients the server recorded (<c>X-RcptTo</c>), the decoded subject, and the decoded text and HTML parts
/// (single-part or one level of multipart; base64, quoted-printable or plain transfer encodings).
/// </summary>
public sealed partial record ReceivedMail(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> EnvelopeRecipients, string Subject, string Text, string Html)
{
    public static ReceivedMail Parse(string raw)
    {
        var (headers, body) = Split(raw);
        var text = new StringBuilder();
        var html = new StringBuilder();
        var type = headers.GetValueOrDefault("content-type", "text/plain");
        if (Boundary().Match(type) is { Success: true } boundary)
        {
            var marker = "--" + boundary.Groups[1].Value;
            foreach (var part in body.Split(marker).Skip(1).TakeWhile(p => !p.StartsWith("--", StringComparison.Ordinal)))
            {
                var (partHeaders, partBody) = Split(part.TrimStart('\r', '\n'));
                Collect(partHeaders, partBody, text, html);
            }
        }
        else
        {
            Collect(headers, body, text, html);
        }

        var recipients = headers.GetValueOrDefault("x-rcptto", "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new ReceivedMail(headers, recipients, DecodeWords(headers.GetValueOrDefault("subject", "")), text.ToString(), html.ToString());
    }

    private static void Collect(Dictionary<string, string> headers, string body, StringBuilder text, StringBuilder html)
    {
        var type = headers.GetValueOrDefault("content-type", "text/plain");
        var decoded = headers.GetValueOrDefault("content-transfer-encoding", "7bit").ToLowerInvariant() switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))))),
            "quoted-printable" => QuotedPrintable(body),
            _ => body,
        };
        (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? html : text).Append(decoded);
    }

    private static (Dictionary<string, string> Headers, string Body) Split(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? normalized : normalized[..end];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        return (headers, end < 0 ? "" : normalized[(end + 2)..]);
    }

    private static string QuotedPrintable(string body)
    {
        var bytes = new List<byte>();
        var unfolded = body.Replace("=\n", "", StringComparison.Ordinal);
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length && Uri.IsHexDigit(unfolded[i + 1]) && Uri.IsHexDigit(unfolded[i + 2]))
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    // RFC 2047 encoded words (=?utf-8?B?…?= and =?utf-8?Q?…?=), as System.Net.Mail writes subjects.
    private static string DecodeWords(string value) =>
        EncodedWord().Replace(value, m => m.Groups[2].Value.ToUpperInvariant() == "B"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : QuotedPrintable(m.Groups[3].Value.Replace('_', ' ')));

    [GeneratedRegex("boundary=\"?([^\";]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*")]
    private static partial Regex EncodedWord();
}
