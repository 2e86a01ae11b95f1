using Npgsql;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>The app on a fresh database of the PostgreSQL server named by <c>CUSTOS_TEST_POSTGRES_DSN</c>; its tests skip (and say so) without one.</summary>
public sealed class PostgresAppFactory : CustosAppFactory
{
    public PostgresAppFactory()
    {
        var server = Environment.GetEnvironmentVariable("CUSTOS_TEST_POSTGRES_DSN");
        if (string.IsNullOrEmpty(server))
        {
            Unavailable = "CUSTOS_TEST_POSTGRES_DSN is not set";
            return;
        }

        var name = "custos_it_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(Custos.Persistence.DatabaseTarget.Parse(server).ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            command.ExecuteNonQuery();
        }

        Dsn = new UriBuilder(new Uri(server)) { Path = "/" + name }.Uri.ToString();
    }
}
