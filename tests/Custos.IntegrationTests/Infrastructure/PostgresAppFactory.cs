namespace Custos.IntegrationTests.Infrastructure;

/// <summary>The app on a fresh database of the PostgreSQL server named by <c>CUSTOS_TEST_POSTGRES_DSN</c>; its tests skip (and say so) without one.</summary>
public sealed class PostgresAppFactory : CustosAppFactory
{
    public PostgresAppFactory()
    {
        UsePostgres();
    }
}
