using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Custos.Persistence;

/// <summary>
/// Reusable SQLite commands per connection object: a command keeps its prepared statements, so hot queries
/// (whoami) are prepared once per connection instead of on every execution.
/// </summary>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Cache = new();

    /// <summary>The connection's command for <paramref name="sql"/>, with its parameters cleared.</summary>
    public static SqliteCommand Get(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        var commands = Cache.GetOrCreateValue(connection);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }
}
