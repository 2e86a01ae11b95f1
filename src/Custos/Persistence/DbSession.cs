using System.Data.Common;

namespace Custos.Persistence;

/// <summary>
/// The scoped unit of database work: one lazily opened connection and an optional transaction that every
/// store of the scope enlists in. <see cref="RunInTransactionAsync"/> is the only way to start a transaction.
/// </summary>
internal sealed class DbSession(IDbConnectionFactory factory) : IAsyncDisposable
{
    private DbConnection? _connection;

    public SqlDialect Dialect => factory.Dialect;

    /// <summary>The open transaction, or null outside <see cref="RunInTransactionAsync"/>.</summary>
    public DbTransaction? Transaction { get; private set; }

    public async ValueTask<DbConnection> ConnectionAsync(CancellationToken ct)
    {
        return _connection ??= await factory.OpenAsync(ct);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction; nested calls join the outer transaction.</summary>
    public async Task<T> RunInTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (Transaction is not null)
        {
            return await work(ct);
        }

        var connection = await ConnectionAsync(ct);
        // SQLite: take the write lock up front (BEGIN IMMEDIATE) so two writers never deadlock on lock upgrade.
        // A decorated connection (the tests' statement counter) begins its own transaction.
        Transaction = connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? await BeginSqliteImmediateAsync(sqlite, ct)
            : await connection.BeginTransactionAsync(ct);
        try
        {
            var result = await work(ct);
            await Transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            await Transaction.RollbackAsync(CancellationToken.None);
            throw;
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    public Task RunInTransactionAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        RunInTransactionAsync<bool>(async c => { await work(c); return true; }, ct);

    private static async Task<DbTransaction> BeginSqliteImmediateAsync(Microsoft.Data.Sqlite.SqliteConnection sqlite, CancellationToken ct) =>
        await Task.Run(() => (DbTransaction)sqlite.BeginTransaction(deferred: false), ct);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await factory.ReleaseAsync(_connection);
            _connection = null;
        }
    }
}
