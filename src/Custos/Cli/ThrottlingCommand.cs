using System.CommandLine;
using Custos.Config;
using Custos.Hosting;
using Custos.Security.Throttling;

namespace Custos.Cli;

/// <summary><c>custos throttling clear --identifier X [-c FILE]...</c>: lifts a login lockout straight in the database.</summary>
internal static class ThrottlingCommand
{
    public static Command Create()
    {
        var identifier = new Option<string>("--identifier") { Description = "The login identifier (e-mail address, username, phone number) to unlock", Required = true };
        var config = CliApp.ConfigOption();
        var clear = new Command("clear", "Delete the throttling counters of a login identifier") { identifier, config };
        clear.SetAction(async (parse, ct) =>
        {
            try
            {
                var loaded = CustosConfiguration.Load(parse.GetValue(config) ?? [], CliApp.Environment(), dev: false);
                var services = new ServiceCollection();
                services.AddLogging();
                services.AddCustosConfiguration(loaded);
                services.AddCustos(loaded.Options);
                await using var provider = services.BuildServiceProvider();
                await using var scope = provider.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<FlowThrottle>().ClearIdentifierAsync(parse.GetValue(identifier)!, ct);
                Console.WriteLine($"Removed {removed} throttling counters.");
                return 0;
            }
            catch (Exception e) when (e is ConfigurationException or FormatException or System.Data.Common.DbException or System.Net.Sockets.SocketException)
            {
                return CliApp.Fail(e.Message);
            }
        });
        return new Command("throttling", "Brute-force protection") { clear };
    }
}
