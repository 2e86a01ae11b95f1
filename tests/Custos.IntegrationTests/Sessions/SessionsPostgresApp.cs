using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions;

/// <summary>The app on PostgreSQL (skipped without <c>CUSTOS_TEST_POSTGRES_DSN</c>) with a manual clock and a statement log.</summary>
public sealed class SessionsPostgresApp : CustosAppFactory
{
    public SessionsPostgresApp()
    {
        UsePostgres();
        Clock = new ManualTimeProvider();
        Statements = new StatementLog();
    }
}
