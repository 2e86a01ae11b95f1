using Custos.Config;
using Custos.Hosting;
using Custos.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>
/// The real Custos pipeline on the in-memory test server, over a temp-file SQLite database (or PostgreSQL when
/// <see cref="UsePostgres"/> is set and <c>CUSTOS_TEST_POSTGRES_DSN</c> names a server).
/// </summary>
public sealed class CustosAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-it-").FullName;

    public const int PublicPort = 4433;
    public const int AdminPort = 4434;

    public string? Dsn { get; set; }

    public string SchemaPath => Path.Combine(_dir, "identity.schema.json");

    internal CustosOptions Options { get; private set; } = null!;

    protected override IHostBuilder CreateHostBuilder()
    {
        File.WriteAllText(SchemaPath, TestSchemas.EmailPassword);
        Options = TestConfig.Build(Dsn ?? $"sqlite://{_dir}/custos.db?_fk=true", SchemaPath);
        return Host.CreateDefaultBuilder()
            .ConfigureWebHost(web => web
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddSingleton<IOptionsMonitor<CustosOptions>>(new FixedOptionsMonitor(Options));
                    services.AddCustos(Options);
                })
                .Configure(app =>
                {
                    app.ApplicationServices.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
                    app.UseCustos();
                }));
    }

    public HttpClient Admin() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{AdminPort}/"), AllowAutoRedirect = false });

    public HttpClient Public() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{PublicPort}/"), AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FixedOptionsMonitor(CustosOptions value) : IOptionsMonitor<CustosOptions>
    {
        public CustosOptions CurrentValue => value;
        public CustosOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
    }
}
