using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Cli;

/// <summary>The <c>custos</c> executable: exit codes, one-line errors, migrations.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var (code, stdout, _) = await CustosProcess.RunAsync(["version"]);

        Assert.Equal(0, code);
        Assert.Contains("Version:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFlag_FailsWithClearMessage()
    {
        var (code, _, stderr) = await CustosProcess.RunAsync(["serve", "--no-such-flag"]);

        Assert.NotEqual(0, code);
        Assert.Contains("--no-such-flag", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dsn: memory\nserve:\n  public:\n    port: abc\n", "serve.public.port")]
    [InlineData("dsn: memory\nfavourite_colour: red\n", "favourite_colour")]
    [InlineData("serve:\n  public:\n    port: 4433\n", "dsn")]
    [InlineData("dsn: memory\nhashers:\n  algorithm: md5\n", "hashers.algorithm")]
    [InlineData("dsn: [unclosed\n", "kratos.yml")]
    public async Task BadConfig_FailsWithOneLineNamingThePath(string yaml, string expected)
    {
        var config = Write("kratos.yml", yaml);

        var (code, stdout, stderr) = await CustosProcess.RunAsync(["serve", "-c", config]);

        Assert.NotEqual(0, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr + stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateSql_AppliesOnce_SecondRunIsNoOp()
    {
        var dsn = $"sqlite://{_dir}/m.db?_fk=true";

        var first = await CustosProcess.RunAsync(["migrate", "sql", dsn, "--yes"]);
        var second = await CustosProcess.RunAsync(["migrate", "sql", "-e", "--yes"], new Dictionary<string, string> { ["DSN"] = dsn });

        Assert.Equal(0, first.Code);
        Assert.Contains("Applied", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, second.Code);
        Assert.Contains("nothing to do", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateSql_WithoutYesAndNoInput_AppliesNothing()
    {
        var dsn = $"sqlite://{_dir}/n.db?_fk=true";

        var run = await CustosProcess.RunAsync(["migrate", "sql", dsn]);
        var after = await CustosProcess.RunAsync(["migrate", "sql", dsn, "--yes"]);

        Assert.NotEqual(0, run.Code);
        Assert.Contains("Applied", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashersArgon2Calibrate_PrintsConfigSnippet()
    {
        var (code, stdout, _) = await CustosProcess.RunAsync(["hashers", "argon2", "calibrate", "--min-duration", "15ms", "--start-memory", "8MB"], timeoutSeconds: 120);

        Assert.Equal(0, code);
        Assert.Contains("algorithm: argon2", stdout, StringComparison.Ordinal);
        Assert.Matches(@"iterations: \d+", stdout);
    }

    [Fact]
    public async Task HashersArgon2Calibrate_BadDuration_Fails()
    {
        var (code, _, stderr) = await CustosProcess.RunAsync(["hashers", "argon2", "calibrate", "--min-duration", "soon"]);

        Assert.NotEqual(0, code);
        Assert.Contains("--min-duration", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateSql_BadDsn_FailsClearly()
    {
        var (code, _, stderr) = await CustosProcess.RunAsync(["migrate", "sql", "mysql://x", "--yes"]);

        Assert.NotEqual(0, code);
        Assert.Contains("unsupported database", stderr, StringComparison.Ordinal);
    }
}
