using System.CommandLine;
using Custos.Config;
using Custos.Hashing;
using Custos.Hosting;

namespace Custos.Cli;

/// <summary><c>custos serve [-c FILE]... [--dev] [--watch-courier]</c>.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var config = CliApp.ConfigOption();
        var dev = new Option<bool>("--dev") { Description = "Development mode: http base URLs, non-secure cookies, SQLite and a built-in schema when nothing is configured" };
        var watchCourier = new Option<bool>("--watch-courier") { Description = "Run the courier worker in this process" };
        var sqaOptOut = new Option<bool>("--sqa-opt-out") { Description = "Accepted for Kratos compatibility; Custos sends no telemetry" };
        var command = new Command("serve", "Run the public and admin HTTP APIs") { config, dev, watchCourier, sqaOptOut };
        command.SetAction(async (parse, ct) =>
        {
            ConfigurationLoadResult loaded;
            try
            {
                var files = parse.GetValue(config) ?? [];
                var environment = CliApp.Environment();
                if (parse.GetValue(dev) && files.Length == 0)
                {
                    environment = DevSecretFile.WithSecret(environment, Directory.GetCurrentDirectory());
                }

                loaded = CustosConfiguration.Load(files, environment, parse.GetValue(dev));
                NativeLibraries.EnsureAvailable(NativeLibraries.NeededBy(loaded.Options));
            }
            catch (Exception e) when (e is ConfigurationException or NativeLibraryMissingException or FormatException or IOException or UnauthorizedAccessException)
            {
                return CliApp.Fail(e.Message);
            }

            var app = CustosServer.Build(loaded, new ServeFlags(parse.GetValue(watchCourier)));
            await CustosServer.PrepareDatabaseAsync(app, loaded.Options, ct);
            await app.RunAsync();
            return 0;
        });
        return command;
    }
}
