using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>A pass-through <see cref="DbConnection"/> whose commands record their SQL when executed.</summary>
internal sealed class CountingDbConnection(DbConnection inner, StatementLog log) : DbConnection
{
    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Close() => inner.Close();

    public override void Open() => inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    // Keeps Custos's BEGIN IMMEDIATE on SQLite (the unwrapped DbSession asks for it by type).
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        inner is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : inner.BeginTransaction(isolationLevel);

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        inner is SqliteConnection ? BeginDbTransaction(isolationLevel) : await inner.BeginTransactionAsync(isolationLevel, cancellationToken);

    protected override DbCommand CreateDbCommand() => new CountingDbCommand(inner.CreateCommand(), log);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
