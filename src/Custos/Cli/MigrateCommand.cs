using System.CommandLine;
using Custos.Config;
using Custos.Persistence;

namespace Custos.Cli;

/// <summary><c>custos migrate sql [DSN] [-e] [--yes] [-c FILE]</c> (also <c>migrate sql up</c>): applies pending migrations once.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var sql = CreateSql("sql", "Apply pending SQL migrations to the database");
        sql.Subcommands.Add(CreateSql("up", "Apply pending SQL migrations (same as \"migrate sql\")"));
        return new Command("migrate", "Database migrations") { sql };
    }

    private static Command CreateSql(string name, string description)
    {
        var dsn = new Argument<string?>("database-url") { Description = "The DSN, e.g. postgres://user:pass@host:5432/db?sslmode=disable", Arity = ArgumentArity.ZeroOrOne };
        var fromEnv = new Option<bool>("--read-from-env", "-e") { Description = "Read the DSN from the DSN environment variable (or the config file's dsn)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking for confirmation" };
        var config = CliApp.ConfigOption();
        var command = new Command(name, description) { dsn, fromEnv, yes, config };
        command.SetAction(async (parse, ct) =>
        {
            string? url = null;
            try
            {
                url = CliApp.DatabaseUrl(parse.GetValue(dsn), parse.GetValue(fromEnv), parse.GetValue(config));

                if (string.IsNullOrEmpty(url))
                {
                    return CliApp.Fail("no database given: pass DSN as an argument, use -e with the DSN environment variable, or -c with a config file");
                }

                using var factory = new DbConnectionFactory(DatabaseTarget.Parse(url));
                var migrator = new Migrator(factory);
                var pending = await migrator.PendingAsync(ct);
                if (pending.Count == 0)
                {
                    Console.WriteLine("All migrations are already applied; nothing to do.");
                    return 0;
                }

                Console.WriteLine($"Pending migrations ({pending.Count}):");
                foreach (var version in pending)
                {
                    Console.WriteLine("  " + version);
                }

                if (!parse.GetValue(yes) && !Confirm())
                {
                    Console.WriteLine("Migration aborted; pass --yes to apply without a prompt.");
                    return 1;
                }

                var applied = await migrator.MigrateAsync(ct);
                Console.WriteLine($"Applied {applied.Count} migrations.");
                return 0;
            }
            catch (Exception e) when (e is FormatException or ConfigurationException or System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
            {
                return CliApp.Fail(e.Message);
            }
        });
        return command;
    }

    private static bool Confirm()
    {
        if (Console.IsInputRedirected && Console.In.Peek() == -1)
        {
            return false;
        }

        Console.Write("Apply these migrations? [y/n]: ");
        return Console.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
