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
}
