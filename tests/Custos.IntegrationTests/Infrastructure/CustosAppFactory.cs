using Custos.Config;
using Custos.Hosting;
using Custos.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>
/// The real Custos pipeline on the in-memory test server, over a temp-file SQLite database (or PostgreSQL after
/// <see cref="UsePostgres"/> when <c>CUSTOS_TEST_POSTGRES_DSN</c> names a server). Subclasses may set <see cref="Clock"/>
/// and <see cref="Statements"/> in their constructor to replace the clock and count SQL statements.
/// </summary>
public class CustosAppFactory : WebApplicationFactory<Program>
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-it-").FullName;

    public const int PublicPort = 4433;
    public const int AdminPort = 4434;

    public string? Dsn { get; set; }

    /// <summary>Why this database is unavailable (its tests are skipped and report it), or null.</summary>
    public string? Unavailable { get; protected set; }

    public string SchemaPath => Path.Combine(_dir, "identity.schema.json");

    internal CustosOptions Options { get; private set; } = null!;

    /// <summary>Extra YAML merged over the test configuration (a second <c>-c</c> file).</summary>
    public string? ExtraYaml { get; set; }

    /// <summary>Whether the app runs as with <c>--dev</c> (the default for tests).</summary>
    public bool Dev { get; set; } = true;

    /// <summary>Runs the courier worker in the app, as <c>serve --watch-courier</c> does.</summary>
    public bool WatchCourier { get; set; }

    /// <summary>Replaces <see cref="TimeProvider.System"/> for the app (e.g. a <see cref="ManualTimeProvider"/>).</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Last changes to the app's services (e.g. a part that fails on purpose).</summary>
    public Action<IServiceCollection>? ReplaceServices { get; set; }

    /// <summary>When set, every SQL command the app executes goes through a <see cref="CountingConnectionFactory"/> into this log.</summary>
    public StatementLog? Statements { get; set; }

    /// <summary>Switches to a fresh database on the PostgreSQL server of <c>CUSTOS_TEST_POSTGRES_DSN</c>, or marks the factory unavailable.</summary>
    protected void UsePostgres()
    {
        var server = Environment.GetEnvironmentVariable("CUSTOS_TEST_POSTGRES_DSN");
        if (string.IsNullOrEmpty(server))
        {
            Unavailable = "CUSTOS_TEST_POSTGRES_DSN is not set";
            return;
        }

        var name = "custos_it_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(DatabaseTarget.Parse(server).ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        Dsn = new UriBuilder(new Uri(server)) { Path = "/" + name }.Uri.ToString();
    }

    protected override IHostBuilder CreateHostBuilder()
    {
        File.WriteAllText(SchemaPath, TestSchemas.EmailPassword);
        var files = new List<string> { Path.Combine(_dir, "kratos.yml") };
        File.WriteAllText(files[0], ConfigYaml(Dsn ?? $"sqlite://{_dir}/custos.db?_fk=true", SchemaPath));
        if (ExtraYaml is not null)
        {
            files.Add(Path.Combine(_dir, "extra.yml"));
            File.WriteAllText(files[1], ExtraYaml);
        }

        var loaded = CustosConfiguration.Load(files, new Dictionary<string, string?>(), dev: Dev);
        Options = loaded.Options;
        return Host.CreateDefaultBuilder()
            .UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = true; })
            .ConfigureWebHost(web => web
                .ConfigureServices(services =>
                {
                    services.AddRouting();
                    services.AddCustosConfiguration(loaded);
                    services.AddCustos(Options);
                    if (WatchCourier)
                    {
                        Custos.Courier.CourierServiceCollectionExtensions.AddCourierWorker(services);
                    }

                    if (Clock is not null)
                    {
                        services.Replace(ServiceDescriptor.Singleton(Clock));
                    }

                    if (Statements is { } log)
                    {
                        services.Replace(ServiceDescriptor.Singleton<IDbConnectionFactory>(sp =>
                            new CountingConnectionFactory(new DbConnectionFactory(sp.GetRequiredService<DatabaseTarget>()), log)));
                    }

                    ReplaceServices?.Invoke(services);
                })
                .Configure(app =>
                {
                    app.ApplicationServices.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
                    app.UseCustos();
                }));
    }

    /// <summary>The base configuration file (<see cref="ExtraYaml"/> is merged over it).</summary>
    protected virtual string ConfigYaml(string dsn, string schemaPath) => TestConfig.Yaml(dsn, schemaPath);

    public HttpClient Admin() => SkipIfUnavailable().CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{AdminPort}/"), AllowAutoRedirect = false });

    public HttpClient Public() => SkipIfUnavailable().CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://localhost:{PublicPort}/"), AllowAutoRedirect = false });

    private CustosAppFactory SkipIfUnavailable()
    {
        Skip.If(Unavailable is not null, Unavailable);
        return this;
    }

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
}
