using System.CommandLine;
using Custos.Hosting;

namespace Custos.Cli;

/// <summary><c>custos version</c>.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of this build");
        command.SetAction(_ =>
        {
            Console.WriteLine($"Version:    {HealthEndpoints.Version}");
            Console.WriteLine($"Runtime:    .NET {System.Environment.Version}");
            return 0;
        });
        return command;
    }
}
