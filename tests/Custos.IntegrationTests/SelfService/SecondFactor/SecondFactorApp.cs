using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.SecondFactor;

/// <summary>TOTP and backup codes on, a cipher secret, and a manual clock (TOTP codes are per 30-second step).</summary>
public class SecondFactorApp : CustosAppFactory
{
    public SecondFactorApp()
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 7, 29, 10, 0, 15, TimeSpan.Zero));
        ExtraYaml = """
            secrets:
              cipher:
                - 0123456789abcdef0123456789abcdef
            selfservice:
              methods:
                totp:
                  enabled: true
                  config:
                    issuer: Custos Test
                lookup_secret:
                  enabled: true
            """;
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;
}

public sealed class SecondFactorPostgresApp : SecondFactorApp
{
    public SecondFactorPostgresApp()
    {
        UsePostgres();
    }
}
