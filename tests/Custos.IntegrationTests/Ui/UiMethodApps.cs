using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Ui;

/// <summary>
/// The built-in UI with every method the pages render beyond passwords: TOTP, backup codes and login by emailed code
/// (<c>passwordless_enabled</c>), on a manual clock (TOTP codes are per 30-second step and single-use).
/// </summary>
public sealed class BuiltinUiMethodsApp : BuiltinUiApp
{
    public BuiltinUiMethodsApp()
    {
        // Today, not a fixed date: the cookie jar drops a session cookie whose expiry lies in the real past.
        var now = TimeProvider.System.GetUtcNow();
        Clock = new ManualTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)).AddSeconds(15));
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
                code:
                  enabled: true
                  passwordless_enabled: true
            """;
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;
}

/// <summary>The built-in UI with <c>selfservice.flows.login.style: identifier_first</c>.</summary>
public sealed class BuiltinUiIdentifierFirstApp : BuiltinUiApp
{
    public BuiltinUiIdentifierFirstApp()
    {
        ExtraYaml = """
            selfservice:
              flows:
                login:
                  style: identifier_first
            """;
    }
}
