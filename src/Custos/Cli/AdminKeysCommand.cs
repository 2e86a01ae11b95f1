using System.CommandLine;
using System.Text.Json;
using Custos.Admin.Keys;
using Custos.Config;
using Custos.Hosting;
using Custos.Persistence;

namespace Custos.Cli;

/// <summary>
/// <c>custos admin-keys create|list|revoke</c>: admin API keys straight in the database (like <c>migrate sql</c>), so the
/// first key can be made before the admin API accepts any. The database comes from <c>-c FILE</c> or <c>DSN</c>.
/// </summary>
internal static class AdminKeysCommand
{
    public static Command Create()
    {
        var config = CliApp.ConfigOption();
        config.Recursive = true;
        var command = new Command("admin-keys", "Manage admin API keys (serve.admin.api_key_required)") { config };

        var name = new Option<string>("--name") { Description = "A name that says who or what uses the key", Required = true };
        var scope = new Option<string[]>("--scope")
        {
            Description = "A scope (repeat for several): " + string.Join(", ", AdminScopes.All),
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var expiresIn = new Option<string?>("--expires-in") { Description = "Lifetime as a Go duration, e.g. 720h (default: never expires)" };
        var create = new Command("create", "Create a key and print it once") { name, scope, expiresIn };
        create.SetAction((p, ct) => RunAsync(p, config, async keys =>
        {
            var created = await keys.CreateAsync(p.GetValue(name), p.GetValue(scope), p.GetValue(expiresIn), ct);
            Console.WriteLine(AdminKeyJson.Of(created.Key, created.Secret).ToJsonString(Pretty));
            Console.Error.WriteLine("custos: store the key now; it is not shown again.");
        }));

        var list = new Command("list", "List keys that are not revoked (never the keys themselves)");
        list.SetAction((p, ct) => RunAsync(p, config, async keys =>
        {
            var all = await keys.ListAsync(ct);
            Console.WriteLine(new System.Text.Json.Nodes.JsonArray(all.Select(k => (System.Text.Json.Nodes.JsonNode)AdminKeyJson.Of(k)).ToArray()).ToJsonString(Pretty));
        }));

        var id = new Argument<string>("id") { Description = "The key's id (from list)" };
        var revoke = new Command("revoke", "Revoke a key at once, on every node") { id };
        revoke.SetAction((p, ct) => RunAsync(p, config, async keys =>
        {
            if (!Guid.TryParse(p.GetValue(id), out var guid) || !await keys.RevokeAsync(guid, ct))
            {
                throw KratosErrors.NotFound($"no active admin API key with id \"{p.GetValue(id)}\"");
            }

            Console.WriteLine(guid.ToString("D"));
        }));

        command.Subcommands.Add(create);
        command.Subcommands.Add(list);
        command.Subcommands.Add(revoke);
        return command;
    }

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    private static async Task<int> RunAsync(ParseResult parse, Option<string[]> config, Func<AdminKeyService, Task> work)
    {
        try
        {
            var env = CliApp.Environment();
            var dsn = parse.GetValue(config) is { Length: > 0 } files
                ? CustosConfiguration.Load(files, env, dev: false).Options.Dsn
                : env.GetValueOrDefault("DSN");
            if (string.IsNullOrEmpty(dsn))
            {
                return CliApp.Fail("no database given: pass -c with a config file or set the DSN environment variable");
            }

            using var factory = new DbConnectionFactory(DatabaseTarget.Parse(dsn));
            await using var db = new DbSession(factory);
            await work(new AdminKeyService(new SqlAdminKeyStore(db), TimeProvider.System));
            return 0;
        }
        catch (CustosException e)
        {
            return CliApp.Fail(e.Reason ?? e.Message);
        }
        catch (Exception e) when (e is FormatException or ConfigurationException or System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return CliApp.Fail(e.Message);
        }
    }
}
