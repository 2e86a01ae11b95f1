using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Limits;

/// <summary>
/// Code login (by the typed address, through the missing-credential fallback), recovery and verification by code, a
/// manual clock, and <c>security.throttling</c> on (the test harness turns it off) with its defaults except
/// <c>courier_client</c>: the in-process client has one address for every test of a class.
/// </summary>
public class CodeLimitApp : CustosAppFactory
{
    public const string Yaml = """
        secrets:
          default:
            - a-default-secret-of-32-characters
        security:
          throttling:
            enabled: true
            courier_client:
              limit: 100000
        selfservice:
          methods:
            code:
              passwordless_enabled: true
              config:
                missing_credential_fallback_enabled: true
          flows:
            recovery:
              enabled: true
              ui_url: http://localhost:4455/recovery
            verification:
              enabled: true
              ui_url: http://localhost:4455/verification
        """;

    public CodeLimitApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = Yaml;
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;
}

/// <summary>The same on PostgreSQL (skipped without <c>CUSTOS_TEST_POSTGRES_DSN</c>).</summary>
public sealed class PostgresCodeLimitApp : CodeLimitApp
{
    public PostgresCodeLimitApp()
    {
        UsePostgres();
    }
}
