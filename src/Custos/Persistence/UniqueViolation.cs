using Microsoft.Data.Sqlite;
using Npgsql;

namespace Custos.Persistence;

/// <summary>Recognises a unique-constraint violation from either database.</summary>
internal static class UniqueViolation
{
    public static bool Is(Exception e) => e switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && (s.SqliteExtendedErrorCode == 2067 || s.SqliteExtendedErrorCode == 1555),
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
