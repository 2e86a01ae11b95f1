using Npgsql;

namespace Custos.Persistence.Tests;

/// <summary>Creates a uniquely named database on the test PostgreSQL server and returns its DSN.</summary>
public static class PostgresTestDatabase
{
    public static async Task<string> CreateAsync(string serverDsn)
    {
        var uri = new Uri(serverDsn);
        var name = "custos_t_" + Guid.NewGuid().ToString("N")[..12];
        var admin = Custos.Persistence.DatabaseTarget.Parse(serverDsn).ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new UriBuilder(uri) { Path = "/" + name };
        return builder.Uri.ToString();
    }
}
