using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>Recovery and verification on, with Kratos's defaults (code strategy), a manual clock and short code lifespans.</summary>
public class AddressFlowApp : CustosAppFactory
{
    public const string Yaml = """
        secrets:
          default:
            - a-default-secret-of-32-characters
        selfservice:
          methods:
            code:
              config:
                lifespan: 10m
          flows:
            registration:
              after:
                password:
                  hooks:
                    - hook: session
                    - hook: show_verification_ui
            recovery:
              enabled: true
              ui_url: http://localhost:4455/recovery
            verification:
              enabled: true
              ui_url: http://localhost:4455/verification
              after:
                default_browser_return_url: http://localhost:4455/verified
        """;

    public AddressFlowApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = Yaml;
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;
}

/// <summary>The same on PostgreSQL (skipped without <c>CUSTOS_TEST_POSTGRES_DSN</c>).</summary>
public sealed class PostgresAddressFlowApp : AddressFlowApp
{
    public PostgresAddressFlowApp()
    {
        UsePostgres();
    }
}

/// <summary>
/// The link strategy for both flows, <c>use_continue_with_transitions</c>, unknown recipients notified, and
/// <c>require_verified_address</c> on password login.
/// </summary>
public sealed class LinkAddressFlowApp : CustosAppFactory
{
    public LinkAddressFlowApp()
    {
        Clock = new ManualTimeProvider();
        ExtraYaml = """
            secrets:
              default:
                - a-default-secret-of-32-characters
            feature_flags:
              use_continue_with_transitions: true
            selfservice:
              methods:
                link:
                  enabled: true
              flows:
                login:
                  after:
                    password:
                      hooks:
                        - hook: require_verified_address
                recovery:
                  enabled: true
                  use: link
                  notify_unknown_recipients: true
                  ui_url: http://localhost:4455/recovery
                verification:
                  enabled: true
                  use: link
                  notify_unknown_recipients: true
                  ui_url: http://localhost:4455/verification
            """;
    }
}
