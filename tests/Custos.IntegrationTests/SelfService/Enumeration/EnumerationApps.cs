using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Enumeration;

/// <summary>
/// <c>security.account_enumeration.mitigate</c> on, recovery and verification by code, and a password registration
/// that does not sign in (verification, then <c>show_verification_ui</c>).
/// </summary>
public class MitigatedApp : CustosAppFactory
{
    public MitigatedApp()
        : this(mitigate: true)
    {
    }

    protected MitigatedApp(bool mitigate)
    {
        ExtraYaml = $$"""
            secrets:
              default:
                - a-default-secret-of-32-characters
            security:
              account_enumeration:
                mitigate: {{(mitigate ? "true" : "false")}}
            selfservice:
              flows:
                registration:
                  after:
                    password:
                      hooks:
                        - hook: show_verification_ui
                recovery:
                  enabled: true
                  ui_url: http://localhost:4455/recovery
                verification:
                  enabled: true
                  ui_url: http://localhost:4455/verification
            """;
    }
}

/// <summary>The same without mitigation: Kratos's answers, which tell a taken identifier apart.</summary>
public sealed class UnmitigatedApp : MitigatedApp
{
    public UnmitigatedApp()
        : base(mitigate: false)
    {
    }
}

/// <summary>Mitigation on PostgreSQL (skipped without <c>CUSTOS_TEST_POSTGRES_DSN</c>).</summary>
public sealed class PostgresMitigatedApp : MitigatedApp
{
    public PostgresMitigatedApp()
    {
        UsePostgres();
    }
}
