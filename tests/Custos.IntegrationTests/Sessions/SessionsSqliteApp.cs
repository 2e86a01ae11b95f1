using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions;

/// <summary>The app on SQLite with a manual clock and a statement log.</summary>
public sealed class SessionsSqliteApp : CustosAppFactory
{
    public SessionsSqliteApp()
    {
        Clock = new ManualTimeProvider();
        Statements = new StatementLog();
    }
}
