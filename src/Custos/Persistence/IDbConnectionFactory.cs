using System.Data.Common;

namespace Custos.Persistence;

/// <summary>Opens connections to the configured database, set up for Custos (pragmas, pooling).</summary>
internal interface IDbConnectionFactory
{
    /// <summary>The dialect of the configured database.</summary>
    SqlDialect Dialect { get; }

    /// <summary>Opens a new connection; the caller disposes it.</summary>
    Task<DbConnection> OpenAsync(CancellationToken ct);
}
