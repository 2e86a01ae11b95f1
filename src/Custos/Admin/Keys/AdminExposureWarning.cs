using System.Net;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Admin.Keys;

/// <summary>Warns once at start when the admin listener is reachable beyond loopback and takes no API keys.</summary>
internal sealed partial class AdminExposureWarning(IOptionsMonitor<CustosOptions> options, ILogger<AdminExposureWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var admin = options.CurrentValue.Serve.Admin;
        if (!admin.ApiKeyRequired && !IsLoopback(admin.Host))
        {
            LogExposed(logger, string.IsNullOrEmpty(admin.Host) ? "0.0.0.0" : admin.Host, admin.Port);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static bool IsLoopback(string? host) =>
        host is "localhost" || (IPAddress.TryParse(host?.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning,
        Message = "The admin API listens on {Host}:{Port}, beyond loopback, and serve.admin.api_key_required is false: anyone who reaches that port can manage every identity. Require admin API keys or bind serve.admin.host to 127.0.0.1")]
    private static partial void LogExposed(ILogger logger, string host, int port);
}
