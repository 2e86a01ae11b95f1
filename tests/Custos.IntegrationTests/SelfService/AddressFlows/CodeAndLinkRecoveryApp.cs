using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.AddressFlows;

/// <summary>
/// Recovery as Kratos's quickstart sets it up (<c>kratos/quickstart/email-password/kratos.yml</c>): self-service recovery
/// by code, the link method enabled as well (so <c>/admin/recovery/link</c> works), and continue-with transitions.
/// </summary>
public sealed class CodeAndLinkRecoveryApp : CustosAppFactory
{
    public CodeAndLinkRecoveryApp()
    {
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
                code:
                  enabled: true
              flows:
                recovery:
                  enabled: true
                  use: code
                  ui_url: http://localhost:4455/recovery
            """;
    }
}
