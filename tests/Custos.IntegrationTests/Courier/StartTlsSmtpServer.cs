using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// An SMTP server that offers STARTTLS and refuses mail until the client has switched to TLS: Debian's aiosmtpd
/// (<c>python3 -m aiosmtpd --tlscert … --tlskey …</c>, <c>require_starttls</c> on) under a freshly generated
/// self-signed certificate, on a free loopback port. MailDev hides STARTTLS, so it cannot check that path. Received
/// mails land in a Maildir; tests read them back with <see cref="MailsToAsync"/>. Tests skip, saying why, when the
/// server cannot be started (scripts/test.sh installs <c>python3-aiosmtpd</c>).
/// </summary>
public sealed class StartTlsSmtpServer : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";

    private readonly string _dir = Directory.CreateTempSubdirectory("custos-starttls-").FullName;
    private Process? _process;
    private readonly StringBuilder _output = new();

    public int SmtpPort { get; } = MailDevServer.FreePort();

    /// <summary>The server's self-signed certificate (PEM), for a client that is to trust it.</summary>
    public string CertificatePath { get; private set; } = "";

    /// <summary>Why the server is unavailable, or null.</summary>
    public string? Unavailable { get; private set; }

    private string Maildir => Path.Combine(_dir, "maildir");

    public async Task InitializeAsync()
    {
        var (cert, key) = TestCertificate.WritePem(_dir);
        CertificatePath = cert;
        ProcessStartInfo start = new(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{SmtpPort}", "--tlscert", cert, "--tlskey", key, "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Unavailable = $"{Python} is not available: {e.Message}";
            return;
        }

        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Unavailable = $"aiosmtpd exited with {_process.ExitCode} (is python3-aiosmtpd installed?): {Output()}";
                return;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", SmtpPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Unavailable = "aiosmtpd did not start within 30 s: " + Output();
    }

    /// <summary>The mails delivered to <paramref name="recipient"/> so far, oldest first.</summary>
    public Task<List<ReceivedMail>> MailsToAsync(string recipient)
    {
        var folder = Path.Combine(Maildir, "new");
        var mails = Directory.Exists(folder)
            ? Directory.GetFiles(folder)
                .OrderBy(File.GetLastWriteTimeUtc)
                .Select(f => ReceivedMail.Parse(File.ReadAllBytes(f)))
                .Where(m => m.EnvelopeRecipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
                .ToList()
            : [];
        return Task.FromResult(mails);
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
