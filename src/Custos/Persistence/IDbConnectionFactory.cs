using System.Data.Common;

namespace Custos.Persistence;

/// <summary>Opens connections to the configured database, set up for Custos (pragmas, pooling).</summary>
internal interface IDbConnectionFactory
{
    /// <summary>The dialect of the configured database.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Opens a new connection; the caller disposes it (or hands it back with <see cref="ReleaseAsync"/>).</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Gives a connection back; a factory may keep it open for reuse (with its prepared commands).</summary>
    ValueTask ReleaseAsync(DbConnection connection) => connection.DisposeAsync();

    /// <summary>
    /// Called after a statement failed with <paramref name="failure"/>. When it shows that the server connection was lost
    /// (a restart, a failover), a pooling factory drops its idle connections: they are dead too, and Npgsql would hand
    /// them out one by one, each failing once, before opening a fresh one.
    /// </summary>
    void ClearPoolAfter(Exception failure)
    {
    }
}
