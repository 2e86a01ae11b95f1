using System.CommandLine;
using System.Text;
using Custos.Audit;
using Custos.Config;
using Custos.Persistence;

namespace Custos.Cli;

/// <summary>
/// <c>custos audit verify</c> (walks the hash chain, exit 1 naming the first changed or removed event) and
/// <c>custos audit export [--since T] [--until T]</c> (JSON lines on stdout). Both read the database given as
/// <c>DSN</c> argument, with <c>-e</c> from the <c>DSN</c> environment variable, or from <c>-c</c> config files.
/// </summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "The tamper-evident audit log") { CreateVerify(), CreateExport() };

    private static Command CreateVerify()
    {
        var (dsn, fromEnv, config) = DatabaseArguments();
        var command = new Command("verify", "Walk the audit chain and report the first event that was changed or removed") { dsn, fromEnv, config };
        command.SetAction((parse, ct) => RunAsync(parse, dsn, fromEnv, config, async db =>
        {
            var reader = new SqlAuditEventReader(db);
            var result = await AuditChainVerifier.VerifyAsync(reader.StreamAsync(null, null, ct), ct);
            if (!result.Ok)
            {
                Console.WriteLine($"FAILED after {result.Checked} intact events: {result.Problem}");
                return 1;
            }

            Console.WriteLine(result.Checked == 0 ? "OK: the audit log is empty" : $"OK: {result.Checked} events verified, head hash {result.HeadHash}");
            return 0;
        }));
        return command;
    }

    private static Command CreateExport()
    {
        var (dsn, fromEnv, config) = DatabaseArguments();
        var since = new Option<string?>("--since") { Description = "Only events at or after this RFC 3339 time (2026-12-07T00:00:00Z)" };
        var until = new Option<string?>("--until") { Description = "Only events before this RFC 3339 time" };
        var command = new Command("export", "Write audit events as JSON lines to stdout, oldest first") { since, until, dsn, fromEnv, config };
        command.SetAction((parse, ct) =>
        {
            DateTime? from = null, to = null;
            foreach (var (option, set) in new (Option<string?>, Action<DateTime>)[] { (since, v => from = v), (until, v => to = v) })
            {
                if (parse.GetValue(option) is { } raw)
                {
                    if (!Rfc3339.TryParse(raw, out var value))
                    {
                        return Task.FromResult(CliApp.Fail($"{option.Name} must be an RFC 3339 time such as 2026-12-07T10:00:00Z, got \"{raw}\""));
                    }

                    set(value);
                }
            }

            return RunAsync(parse, dsn, fromEnv, config, async db =>
            {
                await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
                await foreach (var row in new SqlAuditEventReader(db).StreamAsync(from, to, ct))
                {
                    await stdout.WriteLineAsync(AuditEventJson.ExportLine(row).ToJsonString());
                }

                return 0;
            });
        });
        return command;
    }

    private static (Argument<string?> Dsn, Option<bool> FromEnv, Option<string[]> Config) DatabaseArguments() => (
        new Argument<string?>("database-url") { Description = "The DSN, e.g. postgres://user:pass@host:5432/db?sslmode=disable", Arity = ArgumentArity.ZeroOrOne },
        new Option<bool>("--read-from-env", "-e") { Description = "Read the DSN from the DSN environment variable (or the config file's dsn)" },
        CliApp.ConfigOption());

    private static async Task<int> RunAsync(ParseResult parse, Argument<string?> dsn, Option<bool> fromEnv, Option<string[]> config, Func<DbSession, Task<int>> work)
    {
        try
        {
            var url = CliApp.DatabaseUrl(parse.GetValue(dsn), parse.GetValue(fromEnv), parse.GetValue(config));

            if (string.IsNullOrEmpty(url))
            {
                return CliApp.Fail("no database given: pass DSN as an argument, use -e with the DSN environment variable, or -c with a config file");
            }

            using var factory = new DbConnectionFactory(DatabaseTarget.Parse(url));
            await using var db = new DbSession(factory);
            return await work(db);
        }
        catch (Exception e) when (e is FormatException or ConfigurationException or System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return CliApp.Fail(e.Message);
        }
    }
}
