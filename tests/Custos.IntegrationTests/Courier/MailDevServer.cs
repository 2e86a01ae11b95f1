using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// A MailDev SMTP server (<c>npx maildev@2.2.1</c>) on free loopback ports, for the tests' whole class; mails are read
/// back through its REST API. Tests skip, saying why, when it cannot be started. Subclasses add MailDev options
/// (implicit TLS, authentication) through <see cref="PrepareAsync"/>.
/// </summary>
public class MailDevServer : IAsyncLifetime
{
    private Process? _process;
    private readonly HttpClient _http = new();

    public MailDevServer()
        : this(FreePort())
    {
    }

    private MailDevServer(int smtpPort)
    {
        SmtpPort = smtpPort;
    }

    /// <summary>A server that will listen for SMTP on <paramref name="smtpPort"/> (to start one where an app already points).</summary>
    public static MailDevServer OnPort(int smtpPort) => new(smtpPort);

    public int SmtpPort { get; }
    public int WebPort { get; } = FreePort();

    /// <summary>Why MailDev is unavailable, or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>Extra MailDev arguments; runs before MailDev starts. Returns null (with <see cref="Unavailable"/> set) to skip.</summary>
    protected virtual Task<string?> PrepareAsync() => Task.FromResult<string?>("");

    /// <summary>Mails MailDev received for <paramref name="recipient"/>.</summary>
    public async Task<List<JsonNode>> EmailsToAsync(string recipient) =>
        (await EmailsAsync())
            .Where(m => m!["to"]!.AsArray().Any(t => t!["address"]!.GetValue<string>() == recipient))
            .Select(m => m!)
            .ToList();

    /// <summary>
    /// Mails for <paramref name="recipient"/> once at least <paramref name="count"/> arrived, or what arrived within 15 s:
    /// MailDev lists a mail a moment after its SMTP server accepted it.
    /// </summary>
    public async Task<List<JsonNode>> WaitForEmailsToAsync(string recipient, int count = 1)
    {
        var found = await EmailsToAsync(recipient);
        for (var i = 0; i < 150 && found.Count < count; i++)
        {
            await Task.Delay(100);
            found = await EmailsToAsync(recipient);
        }

        return found;
    }

    protected void MarkUnavailable(string why) => Unavailable = why;

    public async Task InitializeAsync()
    {
        var extra = await PrepareAsync();
        if (extra is null)
        {
            return;
        }

        try
        {
            _process = Process.Start(new ProcessStartInfo("npx", $"--yes maildev@2.2.1 --smtp {SmtpPort} --web {WebPort} --ip 127.0.0.1 {extra}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Unavailable = "npx is not available: " + e.Message;
            return;
        }

        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Unavailable = $"maildev exited with {_process.ExitCode}";
                return;
            }

            try
            {
                (await _http.GetAsync($"http://127.0.0.1:{WebPort}/email")).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }

        Unavailable = "maildev did not start within 120 s";
    }

    /// <summary>The mail exactly as MailDev received it (its <c>GET /email/{id}/source</c>).</summary>
    public Task<byte[]> SourceAsync(string id) => _http.GetByteArrayAsync($"http://127.0.0.1:{WebPort}/email/{id}/source");

    /// <summary>All mails MailDev holds (its <c>GET /email</c>).</summary>
    public async Task<JsonArray> EmailsAsync() =>
        JsonNode.Parse(await _http.GetStringAsync($"http://127.0.0.1:{WebPort}/email"))!.AsArray();

    public virtual Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
