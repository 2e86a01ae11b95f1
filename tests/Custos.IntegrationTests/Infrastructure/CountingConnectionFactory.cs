using System.Data.Common;
using Custos.Persistence;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>Wraps the real connection factory so every command executed by Custos is recorded in a <see cref="StatementLog"/>.</summary>
internal sealed class CountingConnectionFactory(IDbConnectionFactory inner, StatementLog log) : IDbConnectionFactory, IDisposable
{
    public SqlDialect Dialect => inner.Dialect;

    public async Task<DbConnection> OpenAsync(CancellationToken ct) => new CountingDbConnection(await inner.OpenAsync(ct), log);

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
