namespace Custos.Persistence;

/// <summary>The database families Custos speaks.</summary>
internal enum SqlDialect
{
    Sqlite,
    Postgres,
}
