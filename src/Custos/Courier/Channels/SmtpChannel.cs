using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Custos.Config;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Custos.Courier.Channels;

/// <summary>
/// The <c>email</c> channel over SMTP (<c>courier.smtp.*</c>) with MailKit: the mail of <see cref="SmtpMail"/>, signed
/// when <c>courier.smtp.dkim</c> is set, sent over the connection <see cref="SmtpEndpoint"/> describes. The certificate
/// is checked against <c>server_name</c> (default: the host) unless <c>skip_ssl_verify</c>, with TLS 1.2+ and no
/// revocation lookup (as Go's TLS client, which Kratos uses); <c>local_name</c> is the EHLO name; user and password are
/// sent only when the server offers AUTH (as Kratos). An SMTP 5xx answer, refused credentials or an address that is not
/// one is a permanent failure (Kratos abandons such messages at once); anything else is retried. Error texts carry
/// status codes and exception type names only, never the server's words (which may echo addresses) or credentials.
/// </summary>
internal sealed class SmtpChannel(IOptionsMonitor<CustosOptions> options, TimeProvider clock, ILogger<SmtpChannel> logger) : ICourierChannel
{
    /// <summary>The error reason of every failed SMTP dispatch, as Kratos words it.</summary>
    public const string Reason = "failed to send email via smtp";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(60);

    public async Task DispatchAsync(CourierMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue.Courier.Smtp;
        if (string.IsNullOrEmpty(smtp.ConnectionUri))
        {
            throw new CourierDispatchException(Reason, "courier.smtp.connection_uri is not set");
        }

        var endpoint = SmtpEndpoint.Parse(smtp.ConnectionUri);
        using var mail = Compose(message, smtp);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SendTimeout);
        using var client = NewClient(endpoint, smtp);
        try
        {
            await ConnectAsync(client, endpoint, timeout.Token);
            if (endpoint.Credential is { } credential && client.Capabilities.HasFlag(SmtpCapabilities.Authentication))
            {
                await client.AuthenticateAsync(credential, timeout.Token);
            }

            await client.SendAsync(mail, timeout.Token);
        }
        catch (Exception e) when (e is not CourierDispatchException && !ct.IsCancellationRequested)
        {
            throw Failure(e);
        }

        // Outside the failure mapping: the server has accepted the mail, so nothing after this may turn it into a
        // failed dispatch that is sent again (MailKit itself ignores a QUIT that fails).
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    private MimeMessage Compose(CourierMessage message, SmtpOptions smtp)
    {
        MimeMessage mail;
        try
        {
            mail = SmtpMail.Compose(message, smtp, clock.GetUtcNow());
        }
        catch (ParseException e)
        {
            throw new CourierDispatchException(Reason, "the recipient, from_address or a courier.smtp.headers address is not an e-mail address", permanent: true, e);
        }

        try
        {
            if (smtp.Dkim.Configured)
            {
                SmtpMail.Sign(mail, smtp.Dkim, clock);
            }

            return mail;
        }
        catch
        {
            mail.Dispose();
            throw;
        }
    }

    private SmtpClient NewClient(SmtpEndpoint endpoint, SmtpOptions smtp)
    {
        var client = new SmtpClient
        {
            LocalDomain = string.IsNullOrEmpty(smtp.LocalName) ? "localhost" : smtp.LocalName,
            Timeout = (int)SendTimeout.TotalMilliseconds,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None || endpoint.SkipSslVerify,
        };
        if (endpoint.Security != SecureSocketOptions.None && ClientCertificate(smtp) is { } certificate)
        {
            client.ClientCertificates = [certificate];
        }

        return client;
    }

    // MailKit checks the certificate against the host it is given; the TCP connection is opened here so that the host
    // it goes to and the name the certificate must carry (server_name) can differ.
    private static async Task ConnectAsync(SmtpClient client, SmtpEndpoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connect.CancelAfter(ConnectTimeout);
                await socket.ConnectAsync(endpoint.Host, endpoint.Port, connect.Token);
            }

            await client.ConnectAsync(socket, endpoint.ServerName, endpoint.Port, endpoint.Security, ct);
        }
        catch (NotSupportedException e) when (endpoint.Security == SecureSocketOptions.StartTls)
        {
            // Kratos enforces STARTTLS on smtp:// unless disable_starttls=true: never fall back to clear text.
            socket.Dispose();
            throw new CourierDispatchException(Reason, "the SMTP server does not offer STARTTLS", inner: e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static CourierDispatchException Failure(Exception e) => e switch
    {
        SslHandshakeException => new(Reason, "the TLS handshake with the SMTP server failed (certificate not trusted?)", inner: e),
        MailKit.Security.AuthenticationException { InnerException: SmtpCommandException c } =>
            new(Reason, $"the SMTP server refused the credentials ({(int)c.StatusCode})", permanent: (int)c.StatusCode >= 500, e),
        MailKit.Security.AuthenticationException => new(Reason, "the SMTP server refused the credentials", permanent: true, e),
        SmtpCommandException c => new(Reason, $"the SMTP server answered {(int)c.StatusCode}", permanent: (int)c.StatusCode >= 500, e),

        // MailKit's exception for a 530 answer to MAIL FROM or RCPT TO (e.g. "must issue STARTTLS first").
        ServiceNotAuthenticatedException => new(Reason, "the SMTP server answered 530", permanent: true, e),
        ParseException => new(Reason, "an address is not an e-mail address", permanent: true, e),
        OperationCanceledException => new(Reason, "the SMTP server did not answer in time", inner: e),
        SocketException or IOException => new(Reason, $"connecting to the SMTP server failed: {e.GetType().Name}", inner: e),
        _ => new(Reason, $"sending failed: {e.GetType().Name}", inner: e),
    };

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
