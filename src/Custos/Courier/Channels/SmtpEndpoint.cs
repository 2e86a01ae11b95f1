using System.Net;
using MailKit.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.Courier.Channels;

/// <summary>
/// <c>courier.smtp.connection_uri</c> taken apart as Kratos reads it: <c>smtps://</c> is implicit TLS (port 465 by
/// default), <c>smtp://</c> is mandatory STARTTLS unless <c>disable_starttls=true</c> (port 25 by default);
/// <c>skip_ssl_verify=true</c> accepts any server certificate; <c>server_name</c> is the name the certificate is
/// checked against (default: the host); user and password come from the user info.
/// </summary>
internal sealed record SmtpEndpoint(string Host, int Port, bool ImplicitTls, bool StartTls, bool SkipSslVerify, string ServerName, NetworkCredential? Credential)
{
    /// <summary>
    /// MailKit's connection mode: TLS from the first byte, mandatory STARTTLS (a server without it is an error, never a
    /// fall-back to clear text), or clear text.
    /// </summary>
    public SecureSocketOptions Security => ImplicitTls ? SecureSocketOptions.SslOnConnect : StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;

    /// <summary>Parses the URI; throws <see cref="FormatException"/> naming the problem (never the password).</summary>
    public static SmtpEndpoint Parse(string connectionUri)
    {
        if (!Uri.TryCreate(connectionUri, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("courier.smtp.connection_uri: not an absolute smtp:// or smtps:// URI with a host");
        }

        var implicitTls = uri.Scheme switch
        {
            "smtps" => true,
            "smtp" => false,
            _ => throw new FormatException($"courier.smtp.connection_uri: the scheme must be smtp or smtps, got \"{uri.Scheme}\""),
        };
        var query = QueryHelpers.ParseQuery(uri.Query);
        var port = uri.Port > 0 ? uri.Port : implicitTls ? 465 : 25;
        NetworkCredential? credential = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            credential = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }

        var serverName = query.TryGetValue("server_name", out var name) && !string.IsNullOrEmpty(name) ? name.ToString() : uri.IdnHost;
        return new SmtpEndpoint(
            uri.IdnHost,
            port,
            implicitTls,
            !implicitTls && !Flag(query, "disable_starttls"),
            Flag(query, "skip_ssl_verify"),
            serverName,
            credential);
    }

    private static bool Flag(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name)
    {
        if (!query.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        // The spellings Go's strconv.ParseBool accepts, as Kratos parses these flags with it.
        return value.ToString() switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
            _ => throw new FormatException($"courier.smtp.connection_uri: {name} must be true or false, got \"{value}\""),
        };
    }
}
