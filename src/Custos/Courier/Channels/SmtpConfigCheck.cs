using System.Text.RegularExpressions;
using Custos.Config;
using MimeKit;

namespace Custos.Courier.Channels;

/// <summary>
/// Start-up checks of <c>courier.smtp</c> beyond the connection URI: <c>from_address</c> is an e-mail address (Kratos's
/// schema says <c>format: email</c>), and <c>dkim</c> is all three keys or none, with DNS-label syntax for the domain
/// and selector and a usable private key file. Every message starts with the YAML path.
/// </summary>
internal static partial class SmtpConfigCheck
{
    /// <summary>Adds one message per problem.</summary>
    public static void Collect(SmtpOptions smtp, List<string> errors)
    {
        if (SmtpMail.FromDomain(smtp.FromAddress) is null)
        {
            errors.Add($"courier.smtp.from_address: \"{smtp.FromAddress}\" is not an e-mail address");
        }

        var dkim = smtp.Dkim;
        if (!dkim.Configured)
        {
            return;
        }

        (string Key, string? Value)[] keys = [("domain", dkim.Domain), ("selector", dkim.Selector), ("private_key_path", dkim.PrivateKeyPath)];
        var missing = keys.Where(k => string.IsNullOrEmpty(k.Value)).ToList();
        foreach (var (key, _) in missing)
        {
            errors.Add($"courier.smtp.dkim.{key}: a value is required when any of courier.smtp.dkim.domain, selector or private_key_path is set");
        }

        foreach (var (key, value) in keys.Take(2).Where(k => !string.IsNullOrEmpty(k.Value) && !DnsName().IsMatch(k.Value!)))
        {
            errors.Add($"courier.smtp.dkim.{key}: \"{value}\" is not a DNS name (letters, digits, '-' and '.'; punycode for international domains)");
        }

        if (!string.IsNullOrEmpty(dkim.PrivateKeyPath) && DkimKeyFile.Read(dkim.PrivateKeyPath, out var error) is null)
        {
            errors.Add($"courier.smtp.dkim.private_key_path: {error}");
        }
    }

    [GeneratedRegex(@"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$")]
    private static partial Regex DnsName();
}
