using Microsoft.Data.Sqlite;
using Npgsql;

namespace Custos.Persistence;

/// <summary>A parsed <c>dsn</c>: which dialect, and the ADO.NET connection string for it.</summary>
internal sealed record DatabaseTarget(SqlDialect Dialect, string ConnectionString, bool IsInMemory)
{
    /// <summary>
    /// Parses Kratos DSN forms: <c>memory</c>, <c>sqlite:///abs/path.db?_fk=true</c>, <c>sqlite://./rel.db</c>,
    /// <c>sqlite://file:name?mode=memory&amp;cache=shared</c>, <c>postgres://user:pass@host:port/db?sslmode=disable</c>.
    /// </summary>
    public static DatabaseTarget Parse(string? dsn)
    {
        if (string.IsNullOrWhiteSpace(dsn))
        {
            throw new FormatException("dsn: a value is required");
        }

        dsn = dsn.Trim();
        if (dsn == "memory")
        {
            return InMemory();
        }

        if (dsn.StartsWith("sqlite://", StringComparison.OrdinalIgnoreCase) || dsn.StartsWith("sqlite3://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseSqlite(dsn[(dsn.IndexOf("://", StringComparison.Ordinal) + 3)..]);
        }

        if (dsn.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || dsn.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return ParsePostgres(dsn);
        }

        var scheme = dsn.Contains("://", StringComparison.Ordinal) ? dsn[..dsn.IndexOf("://", StringComparison.Ordinal)] : dsn;
        throw new FormatException($"dsn: unsupported database \"{scheme}\"; use memory, sqlite://... or postgres://...");
    }

    private static DatabaseTarget InMemory()
    {
        // A named shared-cache in-memory database lives as long as one connection to it stays open.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = "custos-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        };
        return new DatabaseTarget(SqlDialect.Sqlite, builder.ToString(), IsInMemory: true);
    }

    private static DatabaseTarget ParseSqlite(string rest)
    {
        var query = "";
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        if (rest.StartsWith("file:", StringComparison.Ordinal))
        {
            rest = rest[5..];
        }

        if (string.Equals(parameters["mode"], "memory", StringComparison.OrdinalIgnoreCase) || rest == ":memory:")
        {
            return InMemory();
        }

        if (rest.Length == 0)
        {
            throw new FormatException("dsn: the sqlite DSN names no file");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(rest), Mode = SqliteOpenMode.ReadWriteCreate };
        return new DatabaseTarget(SqlDialect.Sqlite, builder.ToString(), IsInMemory: false);
    }

    private static DatabaseTarget ParsePostgres(string dsn)
    {
        Uri uri;
        try
        {
            uri = new Uri(dsn);
        }
        catch (UriFormatException e)
        {
            throw new FormatException("dsn: the postgres DSN is not a valid URL: " + e.Message);
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            Pooling = true,
            // Custos sets no session state on connections, so the per-return reset (a DISCARD on the next use) is pure cost.
            NoResetOnClose = true,
        };
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var parameters = System.Web.HttpUtility.ParseQueryString(uri.Query);
        var sslMode = parameters["sslmode"];
        if (!string.IsNullOrEmpty(sslMode))
        {
            builder.SslMode = sslMode.ToLowerInvariant() switch
            {
                "disable" => SslMode.Disable,
                "allow" => SslMode.Allow,
                "prefer" => SslMode.Prefer,
                "require" => SslMode.Require,
                "verify-ca" => SslMode.VerifyCA,
                "verify-full" => SslMode.VerifyFull,
                _ => throw new FormatException($"dsn: unknown sslmode \"{sslMode}\""),
            };
        }

        if (int.TryParse(parameters["max_conns"], out var maxConns) && maxConns > 0)
        {
            builder.MaxPoolSize = maxConns;
        }

        builder.ApplicationName = parameters["application_name"] ?? "custos";
        return new DatabaseTarget(SqlDialect.Postgres, builder.ToString(), IsInMemory: false);
    }
}
