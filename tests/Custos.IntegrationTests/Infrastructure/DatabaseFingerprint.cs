using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Custos.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>
/// The row count and a hash of every row of every table of the app's SQLite database, so that a test can prove that a
/// request wrote nothing at all (no identity, session, flow, message or code) without listing what it might have written.
/// </summary>
internal static class DatabaseFingerprint
{
    /// <summary>Table name to "rows:hash", for every table except <paramref name="except"/>.</summary>
    public static async Task<SortedDictionary<string, string>> TakeAsync(CustosAppFactory app, params string[] except)
    {
        var factory = app.Services.GetRequiredService<IDbConnectionFactory>();
        var connection = await factory.OpenAsync(CancellationToken.None);
        try
        {
            var tables = new List<string>();
            await using (var list = Command(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables.Except(except))
            {
                result[table] = await HashAsync(connection, table);
            }

            return result;
        }
        finally
        {
            await factory.ReleaseAsync(connection);
        }
    }

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var select = Command(connection, $"SELECT * FROM \"{table}\"");
        await using var reader = await select.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)));
        return $"{rows.Count}:{Convert.ToHexString(hash)[..16]}";
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
