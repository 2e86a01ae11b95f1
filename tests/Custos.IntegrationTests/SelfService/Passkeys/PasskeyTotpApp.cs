namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary><see cref="PasskeyApp"/> with TOTP as a second factor.</summary>
public sealed class PasskeyTotpApp : PasskeyApp
{
    public PasskeyTotpApp()
    {
        Clock = new ManualTimeProvider(new DateTimeOffset(2026, 7, 29, 10, 0, 15, TimeSpan.Zero));
        ExtraYaml = ExtraYaml!.Replace("  methods:\n", "  methods:\n    totp:\n      enabled: true\n", StringComparison.Ordinal)
            + "\nsecrets:\n  cipher:\n    - 0123456789abcdef0123456789abcdef\n";
    }

    public ManualTimeProvider ManualClock => (ManualTimeProvider)Clock!;
}
