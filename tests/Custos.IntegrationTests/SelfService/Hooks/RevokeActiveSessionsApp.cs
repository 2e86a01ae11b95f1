using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Hooks;

/// <summary>
/// <c>revoke_active_sessions</c> after settings (password) and recovery; login keeps other sessions, so a test can
/// hold two of them before the flow under test runs.
/// </summary>
public sealed class RevokeActiveSessionsApp : CustosAppFactory
{
    public RevokeActiveSessionsApp()
    {
        ExtraYaml = """
            secrets:
              default:
                - a-default-secret-of-32-characters
            selfservice:
              flows:
                settings:
                  after:
                    password:
                      hooks:
                        - hook: revoke_active_sessions
                recovery:
                  enabled: true
                  ui_url: http://localhost:4455/recovery
                  after:
                    hooks:
                      - hook: revoke_active_sessions
            """;
    }
}

/// <summary><c>revoke_active_sessions</c> after password login.</summary>
public sealed class RevokeOnLoginApp : CustosAppFactory
{
    public RevokeOnLoginApp()
    {
        ExtraYaml = """
            selfservice:
              flows:
                login:
                  after:
                    password:
                      hooks:
                        - hook: revoke_active_sessions
            """;
    }
}
