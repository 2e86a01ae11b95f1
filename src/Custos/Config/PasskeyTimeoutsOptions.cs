using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.passkey.config.timeouts</c>: WebAuthn ceremony timeouts.</summary>
internal sealed class PasskeyTimeoutsOptions
{
    /// <summary><c>...timeouts.registration</c>; unset means the browser default.</summary>
    [ConfigurationKeyName("registration")]
    public TimeSpan? Registration { get; set; }

    /// <summary><c>...timeouts.login</c>; unset means the browser default.</summary>
    [ConfigurationKeyName("login")]
    public TimeSpan? Login { get; set; }
}
