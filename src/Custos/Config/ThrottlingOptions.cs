using Custos.Security.Throttling;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// <c>security.throttling</c> (a Custos key; Kratos OSS has no brute-force protection). Every rule counts events per
/// key in a fixed window; the defaults follow NIST SP 800-63B §5.2.2 and OWASP (see <c>docs/security.md</c>).
/// </summary>
internal sealed class ThrottlingOptions
{
    /// <summary><c>security.throttling.enabled</c>: turns every rule on or off. Default true.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary><c>security.throttling.login_identifier</c>: failed password logins per identifier from one client address. Default 10 / 15m.</summary>
    [ConfigurationKeyName("login_identifier")]
    public ThrottleRuleOptions LoginIdentifier { get; set; } = new();

    /// <summary><c>security.throttling.login_identifier_ceiling</c>: failed password logins per identifier from all addresses. Default 100 / 1h.</summary>
    [ConfigurationKeyName("login_identifier_ceiling")]
    public ThrottleRuleOptions LoginIdentifierCeiling { get; set; } = new();

    /// <summary><c>security.throttling.login_address</c>: failed submissions of any flow per client address. Default 100 / 15m.</summary>
    [ConfigurationKeyName("login_address")]
    public ThrottleRuleOptions LoginAddress { get; set; } = new();

    /// <summary><c>security.throttling.code_identity</c>: wrong one-time, recovery or verification codes per identity across flows. Default 10 / 1h.</summary>
    [ConfigurationKeyName("code_identity")]
    public ThrottleRuleOptions CodeIdentity { get; set; } = new();

    /// <summary><c>security.throttling.courier_address</c>: recovery, verification and login-code messages per recipient address. Default 5 / 1h.</summary>
    [ConfigurationKeyName("courier_address")]
    public ThrottleRuleOptions CourierAddress { get; set; } = new();

    /// <summary><c>security.throttling.courier_client</c>: such messages requested per client address. Default 50 / 1h.</summary>
    [ConfigurationKeyName("courier_client")]
    public ThrottleRuleOptions CourierClient { get; set; } = new();

    /// <summary><c>security.throttling.registration_address</c>: registration submissions per client address. Default 20 / 1h.</summary>
    [ConfigurationKeyName("registration_address")]
    public ThrottleRuleOptions RegistrationAddress { get; set; } = new();

    /// <summary>The effective rule <paramref name="name"/> (a <see cref="ThrottleRules"/> name): configured values over the defaults.</summary>
    public ThrottleRule Rule(string name)
    {
        var (configured, limit, window) = name switch
        {
            ThrottleRules.LoginIdentifier => (LoginIdentifier, 10, TimeSpan.FromMinutes(15)),
            ThrottleRules.LoginIdentifierCeiling => (LoginIdentifierCeiling, 100, TimeSpan.FromHours(1)),
            ThrottleRules.LoginAddress => (LoginAddress, 100, TimeSpan.FromMinutes(15)),
            ThrottleRules.CodeIdentity => (CodeIdentity, 10, TimeSpan.FromHours(1)),
            ThrottleRules.CourierAddress => (CourierAddress, 5, TimeSpan.FromHours(1)),
            ThrottleRules.CourierClient => (CourierClient, 50, TimeSpan.FromHours(1)),
            ThrottleRules.RegistrationAddress => (RegistrationAddress, 20, TimeSpan.FromHours(1)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown throttling rule"),
        };
        return new ThrottleRule(name, configured.Limit ?? limit, configured.Window ?? window);
    }
}
