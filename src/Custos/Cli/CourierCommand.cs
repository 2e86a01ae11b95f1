using System.CommandLine;
using Custos.Config;
using Custos.Courier;
using Custos.Hashing;
using Custos.Hosting;

namespace Custos.Cli;

/// <summary><c>custos courier watch [-c FILE]... [--dev]</c>: the courier worker as its own process (no HTTP listeners).</summary>
internal static class CourierCommand
{
    public static Command Create()
    {
        var config = CliApp.ConfigOption();
        var dev = new Option<bool>("--dev") { Description = "Development mode (as for serve)" };
        var port = new Option<int?>("--expose-metrics-port") { Description = "Accepted for Kratos compatibility; no metrics listener is started yet" };
        var watch = new Command("watch", "Send queued courier messages until stopped") { config, dev, port };
        watch.SetAction(async (parse, ct) =>
        {
            ConfigurationLoadResult loaded;
            try
            {
                loaded = CustosConfiguration.Load(parse.GetValue(config) ?? [], CliApp.Environment(), parse.GetValue(dev));
                NativeLibraries.EnsureAvailable(NativeLibraries.NeededBy(loaded.Options));
            }
            catch (Exception e) when (e is ConfigurationException or NativeLibraryMissingException or FormatException)
            {
                return CliApp.Fail(e.Message);
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ApplicationName = "custos", DisableDefaults = true });
            CustosServer.ConfigureLogging(builder.Logging, loaded.Options);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
            builder.Services.AddCustosConfiguration(loaded);
            builder.Services.AddCustos(loaded.Options);
            builder.Services.AddCourierWorker();
            using var host = builder.Build();
            await host.RunAsync(ct);
            return 0;
        });
        return new Command("courier", "The courier (email/SMS delivery)") { watch };
    }
}
