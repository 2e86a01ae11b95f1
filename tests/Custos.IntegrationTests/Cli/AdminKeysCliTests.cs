using System.Globalization;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Cli;

/// <summary><c>custos admin-keys create|list|revoke</c> on the database, and <c>custos identities</c> sending <c>CUSTOS_ADMIN_API_KEY</c>.</summary>
public sealed class AdminKeysCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-cli-keys-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task CreateListRevoke_GuardTheAdminApiOfARunningServer()
    {
        var dsn = $"sqlite://{_dir}/keys.db?_fk=true";
        var db = new Dictionary<string, string> { ["DSN"] = dsn };
        await CustosProcess.RunAsync(["migrate", "sql", dsn, "--yes"]);
        var create = await CustosProcess.RunAsync(["admin-keys", "create", "--name", "ops", "--scope", "identities:read", "--scope", "identities:write", "--expires-in", "720h"], db);
        var created = JsonNode.Parse(create.Stdout)!;
        var (publicPort, adminPort) = (CustosProcess.FreePort(), CustosProcess.FreePort());
        await using var server = CustosProcess.Start(["serve", "--dev"], new Dictionary<string, string>
        {
            ["DSN"] = dsn,
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_API_KEY_REQUIRED"] = "true",
        }, _dir);
        await server.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        var url = $"http://127.0.0.1:{adminPort}";
        var keyed = new Dictionary<string, string> { ["KRATOS_ADMIN_URL"] = url, ["CUSTOS_ADMIN_API_KEY"] = created["key"]!.GetValue<string>() };

        var withoutKey = await CustosProcess.RunAsync(["identities", "list"], new Dictionary<string, string> { ["KRATOS_ADMIN_URL"] = url });
        var withKey = await CustosProcess.RunAsync(["identities", "list"], keyed);
        var list = await CustosProcess.RunAsync(["admin-keys", "list"], db);
        var revoke = await CustosProcess.RunAsync(["admin-keys", "revoke", created["id"]!.GetValue<string>()], db);
        var afterRevoke = await CustosProcess.RunAsync(["identities", "list"], keyed);

        Assert.Equal(0, create.Code);
        Assert.StartsWith("custos_ak_", created["key"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(created["expires_at"]);
        Assert.NotEqual(0, withoutKey.Code);
        Assert.Contains("401", withoutKey.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, withKey.Code);
        Assert.Equal(0, list.Code);
        Assert.Equal("ops", Assert.Single(JsonNode.Parse(list.Stdout)!.AsArray())!["name"]!.GetValue<string>());
        Assert.DoesNotContain(created["key"]!.GetValue<string>(), list.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, revoke.Code);
        Assert.NotEqual(0, afterRevoke.Code);
        Assert.Contains("401", afterRevoke.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scope", "everything", "everything")]
    [InlineData("--expires-in", "soon", "soon")]
    public async Task Create_BadInput_FailsWithOneLine(string option, string value, string named)
    {
        var dsn = $"sqlite://{_dir}/bad.db?_fk=true";
        await CustosProcess.RunAsync(["migrate", "sql", dsn, "--yes"]);
        string[] args = option == "--scope"
            ? ["admin-keys", "create", "--name", "x", "--scope", value]
            : ["admin-keys", "create", "--name", "x", "--scope", "admin", option, value];

        var run = await CustosProcess.RunAsync(args, new Dictionary<string, string> { ["DSN"] = dsn });

        Assert.NotEqual(0, run.Code);
        Assert.Contains(named, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoDatabase_FailsNamingDsn()
    {
        var run = await CustosProcess.RunAsync(["admin-keys", "list"]);

        Assert.NotEqual(0, run.Code);
        Assert.Contains("DSN", run.Stderr, StringComparison.Ordinal);
    }
}
