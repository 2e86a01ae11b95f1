using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows</c>.</summary>
internal sealed class FlowsOptions
{
    /// <summary><c>selfservice.flows.login</c>.</summary>
    [ConfigurationKeyName("login")]
    public LoginFlowOptions Login { get; set; } = new();

    /// <summary><c>selfservice.flows.registration</c>.</summary>
    [ConfigurationKeyName("registration")]
    public RegistrationFlowOptions Registration { get; set; } = new();

    /// <summary><c>selfservice.flows.settings</c>.</summary>
    [ConfigurationKeyName("settings")]
    public SettingsFlowOptions Settings { get; set; } = new();

    /// <summary><c>selfservice.flows.recovery</c>.</summary>
    [ConfigurationKeyName("recovery")]
    public AddressFlowOptions Recovery { get; set; } = new();

    /// <summary><c>selfservice.flows.verification</c>.</summary>
    [ConfigurationKeyName("verification")]
    public AddressFlowOptions Verification { get; set; } = new();

    /// <summary><c>selfservice.flows.logout</c>.</summary>
    [ConfigurationKeyName("logout")]
    public LogoutFlowOptions Logout { get; set; } = new();

    /// <summary><c>selfservice.flows.error</c>.</summary>
    [ConfigurationKeyName("error")]
    public ErrorFlowOptions Error { get; set; } = new();
}
