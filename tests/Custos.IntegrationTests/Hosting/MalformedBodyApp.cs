using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Hosting;

/// <summary>Every flow and both admin recovery methods switched on, so that every body-reading route reaches its reader.</summary>
public sealed class MalformedBodyApp : CustosAppFactory
{
    public MalformedBodyApp()
    {
        ExtraYaml = """
            secrets:
              default:
                - a-default-secret-of-32-characters
            selfservice:
              methods:
                link:
                  enabled: true
              flows:
                recovery:
                  enabled: true
                  ui_url: http://localhost:4455/recovery
                verification:
                  enabled: true
                  ui_url: http://localhost:4455/verification
            """;
    }
}
