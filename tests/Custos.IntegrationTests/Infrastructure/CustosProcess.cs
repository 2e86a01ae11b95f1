using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>Runs the built <c>custos</c> executable as a real process (CLI commands, or <c>serve</c> on free ports).</summary>
public sealed class CustosProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CustosProcess(Process process)
    {
        _process = process;
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "custos");

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static CustosProcess Start(IEnumerable<string> args, IDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // The test runner's own environment must not configure the server under test.
        foreach (var key in info.Environment.Keys.Where(k => k is "DSN" or "KRATOS_ADMIN_URL" || k.StartsWith("SERVE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        var process = new Process { StartInfo = info };
        var result = new CustosProcess(process);
        process.OutputDataReceived += (_, e) => { lock (result._stdout) { result._stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (result._stderr) { result._stderr.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        return result;
    }

    /// <summary>
    /// <c>custos serve --dev</c> with no configuration file in <paramref name="workingDirectory"/> (where it keeps
    /// <c>custos.db</c>), on free ports set through the environment, once its admin API is ready.
    /// </summary>
    public static async Task<(CustosProcess Server, int PublicPort, int AdminPort)> StartDevWithoutConfigAsync(string workingDirectory)
    {
        var (publicPort, adminPort) = (FreePort(), FreePort());
        var env = new Dictionary<string, string>
        {
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var server = Start(["serve", "--dev"], env, workingDirectory);
        try
        {
            await server.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return (server, publicPort, adminPort);
    }

    /// <summary>Runs a command to completion and returns (exit code, stdout, stderr).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? env = null, int timeoutSeconds = 60)
    {
        await using var p = Start(args, env);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await p._process.WaitForExitAsync(cts.Token);
        p._process.WaitForExit();
        return (p._process.ExitCode, p.Stdout, p.Stderr);
    }

    /// <summary>Waits until <paramref name="url"/> answers 200, or fails with the server's output.</summary>
    public async Task WaitForOkAsync(string url, int timeoutSeconds = 30)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"custos exited with {_process.ExitCode}:\n{Stdout}\n{Stderr}");
            }

            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{url} did not answer 200 in {timeoutSeconds}s:\n{Stdout}\n{Stderr}");
    }

    /// <summary>Sends SIGTERM and waits for the exit code.</summary>
    public async Task<int> TerminateAsync(int timeoutSeconds = 20)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process at once (SIGKILL: no shutdown, no cleanup) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
