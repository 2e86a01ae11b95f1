using System.CommandLine;

namespace Custos.Cli;

/// <summary>The <c>custos</c> command line: one executable for the server and its tools.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Custos — a Kratos-compatible identity server")
        {
            ServeCommand.Create(),
            MigrateCommand.Create(),
            CourierCommand.Create(),
            IdentitiesCommand.Create(),
            AdminKeysCommand.Create(),
            HashersCommand.Create(),
            AuditCommand.Create(),
            ThrottlingCommand.Create(),
            VersionCommand.Create(),
        };
        var parse = root.Parse(args);
        return await parse.InvokeAsync();
    }

    /// <summary>Prints one clear error line and returns the failure exit code.</summary>
    public static int Fail(string message)
    {
        Console.Error.WriteLine("custos: " + message);
        return 1;
    }

    public static Option<string[]> ConfigOption() => new("--config", "-c")
    {
        Description = "Path to a kratos.yml-style config file (YAML or JSON); repeat to merge several, later files win",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static IReadOnlyDictionary<string, string?> Environment() =>
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    /// <summary>
    /// The database of a command that takes one as <c>DSN</c> argument, <c>-e</c> (the <c>DSN</c> variable) or
    /// <c>-c</c> (a config file), in that order; null when none of them names one.
    /// </summary>
    public static string? DatabaseUrl(string? argument, bool fromEnvironment, string[]? configFiles)
    {
        if (!string.IsNullOrEmpty(argument))
        {
            return argument;
        }

        var env = Environment();
        return fromEnvironment && env.TryGetValue("DSN", out var fromVariable) && !string.IsNullOrEmpty(fromVariable)
            ? fromVariable
            : (configFiles is { Length: > 0 } files ? Config.CustosConfiguration.Load(files, env, dev: false).Options.Dsn : null);
    }
}
