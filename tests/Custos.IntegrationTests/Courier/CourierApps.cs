using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Courier;

/// <summary>The app on SQLite in dev mode.</summary>
public sealed class CourierSqliteApp : CustosAppFactory;

/// <summary>The app on PostgreSQL in dev mode (skipped without <c>CUSTOS_TEST_POSTGRES_DSN</c>).</summary>
public sealed class CourierPostgresApp : CustosAppFactory
{
    public CourierPostgresApp()
    {
        UsePostgres();
    }
}

/// <summary>The app on SQLite without dev mode, where message subjects and bodies are redacted.</summary>
public sealed class CourierProductionApp : CustosAppFactory
{
    public CourierProductionApp()
    {
        Dev = false;
    }
}
