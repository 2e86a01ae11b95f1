using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Custos.Courier.Channels;

/// <summary>
/// One TLS connection to the SMTP server, exposed to <see cref="System.Net.Mail.SmtpClient"/> as plain SMTP on a
/// loopback port that accepts exactly one connection. SmtpClient cannot speak implicit TLS (<c>smtps://</c>), and for
/// STARTTLS it validates certificates only through the process-wide <c>ServicePointManager</c> callback against the
/// connect host; the tunnel instead does the TLS handshake itself (after its own EHLO/STARTTLS exchange for
/// <c>smtp://</c>), checks the certificate against <c>server_name</c> with the default chain rules unless
/// <c>skip_ssl_verify</c>, requires TLS 1.2+, and can present a client certificate. The server's greeting is replayed
/// to SmtpClient, which then talks to the server (EHLO, AUTH, MAIL ...) through the encrypted stream. Connections to
/// the loopback port from other processes are refused (<see cref="LoopbackPeer"/>).
/// </summary>
internal sealed class SmtpTlsTunnel : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TcpClient _upstream;
    private readonly SslStream _tls;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private SmtpTlsTunnel(TcpClient upstream, SslStream tls, byte[]? greeting)
    {
        _upstream = upstream;
        _tls = tls;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(4);
        _pump = PumpAsync(greeting, _stop.Token);
    }

    /// <summary>The loopback port SmtpClient connects to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connects, negotiates TLS (STARTTLS first unless <see cref="SmtpEndpoint.ImplicitTls"/>) and starts listening.</summary>
    public static async Task<SmtpTlsTunnel> OpenAsync(SmtpEndpoint endpoint, string localName, X509Certificate2? clientCertificate, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            var stream = upstream.GetStream();
            byte[]? greeting = null;
            if (!endpoint.ImplicitTls)
            {
                greeting = await ExpectAsync(stream, 220, "greeting", timeout.Token);
                await WriteAsync(stream, $"EHLO {localName}\r\n", timeout.Token);
                var ehlo = Encoding.ASCII.GetString(await ExpectAsync(stream, 250, "EHLO", timeout.Token));
                if (!ehlo.Split("\r\n").Any(l => l.Length > 4 && l[4..].Trim().Equals("STARTTLS", StringComparison.OrdinalIgnoreCase)))
                {
                    // Kratos enforces STARTTLS on smtp:// unless disable_starttls=true: never fall back to clear text.
                    throw new CourierDispatchException("failed to send email via smtp", "the SMTP server does not offer STARTTLS");
                }

                await WriteAsync(stream, "STARTTLS\r\n", timeout.Token);
                await ExpectAsync(stream, 220, "STARTTLS", timeout.Token);
            }

            var tls = new SslStream(stream, leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = endpoint.ServerName,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None || endpoint.SkipSslVerify,
            }, timeout.Token);
            return new SmtpTlsTunnel(upstream, tls, greeting);
        }
        catch (Exception e) when (e is not CourierDispatchException)
        {
            upstream.Dispose();
            var what = e is AuthenticationException ? "the TLS handshake with the SMTP server failed (certificate not trusted?)" : "connecting to the SMTP server failed";
            throw new CourierDispatchException("failed to send email via smtp", $"{what}: {e.GetType().Name}", inner: e);
        }
        catch
        {
            upstream.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _pump;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }

        await _tls.DisposeAsync();
        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync(byte[]? greeting, CancellationToken ct)
    {
        using var client = await AcceptOwnAsync(ct);
        _listener.Stop();
        var local = client.GetStream();
        if (greeting is not null)
        {
            await local.WriteAsync(greeting, ct);
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var up = CopyAsync(local, _tls, done.Token);
        var down = CopyAsync(_tls, local, done.Token);
        await Task.WhenAny(up, down);
        await done.CancelAsync();
        await Task.WhenAll(up, down);
    }

    // Only SmtpClient in this process may use the encrypted connection: a connection from another process (found
    // through /proc on Linux) is closed and the listener waits for the next one.
    private async Task<TcpClient> AcceptOwnAsync(CancellationToken ct)
    {
        for (var refused = 0; refused < 8; refused++)
        {
            var client = await _listener.AcceptTcpClientAsync(ct);
            if (LoopbackPeer.IsOwnProcess(client.Client) != false)
            {
                return client;
            }

            client.Dispose();
        }

        throw new IOException("too many connections to the SMTP tunnel from other processes");
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, ct)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), ct);
                await to.FlushAsync(ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
    }

    // Reads one (possibly multi-line) reply byte by byte, so nothing after it is consumed before the TLS handshake.
    private static async Task<byte[]> ExpectAsync(Stream stream, int code, string step, CancellationToken ct)
    {
        var reply = new MemoryStream();
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one, ct) == 0)
            {
                throw new IOException($"the SMTP server closed the connection during {step}");
            }

            reply.WriteByte(one[0]);
            line.Add(one[0]);
            if (one[0] != '\n')
            {
                if (reply.Length > 64 * 1024)
                {
                    throw new IOException($"the SMTP server's {step} reply is too long");
                }

                continue;
            }

            var text = Encoding.ASCII.GetString(line.ToArray());
            line.Clear();
            if (text.Length >= 4 && text[3] == '-')
            {
                continue;
            }

            if (text.Length < 3 || !int.TryParse(text.AsSpan(0, 3), out var got) || got != code)
            {
                throw new CourierDispatchException("failed to send email via smtp", $"the SMTP server answered {step} with \"{text.Trim()}\"", permanent: false);
            }

            return reply.ToArray();
        }
    }

    private static Task WriteAsync(Stream stream, string command, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(command), ct).AsTask();
}
