using System.Net;
using Custos.Admin.Webhooks;
using Custos.Config;
using Custos.Courier;
using Custos.Persistence;

namespace Custos.Hosting;

/// <summary>Builds the Kestrel-hosted server: two listeners, body limits, JSON logs, graceful shutdown.</summary>
internal static partial class CustosServer
{
    public static WebApplication Build(ConfigurationLoadResult config, ServeFlags flags)
    {
        var options = config.Options;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "custos" });
        builder.Configuration.Sources.Clear();
        ConfigureLogging(builder.Logging, options);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes;
            Listen(kestrel, options.Serve.Public.Host, options.Serve.Public.Port);
            Listen(kestrel, options.Serve.Admin.Host, options.Serve.Admin.Port);
        });
        builder.Services.AddCustosConfiguration(config);
        builder.Services.AddSingleton(flags);
        builder.Services.AddCustos(options);
        builder.Services.AddEventWebhookWorker();
        if (flags.WatchCourier)
        {
            builder.Services.AddCourierWorker();
        }

        var app = builder.Build();
        app.UseCustos();
        return app;
    }

    /// <summary><c>log.format</c> (JSON unless <c>text</c>) and <c>log.level</c>, for the server and <c>courier watch</c>.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging, CustosOptions options)
    {
        logging.ClearProviders();
        if (options.Log.Format == LogFormat.Text)
        {
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; o.UseUtcTimestamp = true; });
        }
        else
        {
            logging.AddJsonConsole(o => { o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; o.UseUtcTimestamp = true; });
        }

        logging.SetMinimumLevel(LogLevelOf(options.Log.Level));
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
    }

    /// <summary>Migrates in-memory and dev databases at start (Kratos needs <c>migrate sql</c> otherwise; readiness reports pending migrations).</summary>
    public static async Task PrepareDatabaseAsync(WebApplication app, CustosOptions options, CancellationToken ct)
    {
        var target = app.Services.GetRequiredService<DatabaseTarget>();
        if (target.IsInMemory || options.Dev)
        {
            var applied = await app.Services.GetRequiredService<Migrator>().MigrateAsync(ct);
            if (applied.Count > 0)
            {
                LogMigrated(app.Logger, applied.Count);
            }
        }
    }

    private static void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, string? host, int port)
    {
        if (string.IsNullOrEmpty(host) || host is "0.0.0.0" or "*")
        {
            kestrel.ListenAnyIP(port);
        }
        else if (host == "localhost")
        {
            kestrel.ListenLocalhost(port);
        }
        else if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, port);
        }
        else
        {
            foreach (var resolved in Dns.GetHostAddresses(host))
            {
                kestrel.Listen(resolved, port);
            }
        }
    }

    private static LogLevel LogLevelOf(LogLevelSetting level) => level switch
    {
        LogLevelSetting.Trace => LogLevel.Trace,
        LogLevelSetting.Debug => LogLevel.Debug,
        LogLevelSetting.Warning => LogLevel.Warning,
        LogLevelSetting.Error => LogLevel.Error,
        LogLevelSetting.Fatal or LogLevelSetting.Panic => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    [LoggerMessage(EventId = 1100, Level = LogLevel.Information, Message = "Applied {Count} database migrations")]
    private static partial void LogMigrated(ILogger logger, int count);
}
