using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.settings.after</c>: global hooks plus per-method overrides.</summary>
internal sealed class SettingsAfterOptions : MethodAfterOptions
{
    /// <summary><c>selfservice.flows.settings.after.totp</c>.</summary>
    [ConfigurationKeyName("totp")]
    public AfterHooksOptions Totp { get; set; } = new();

    /// <summary><c>selfservice.flows.settings.after.lookup_secret</c>.</summary>
    [ConfigurationKeyName("lookup_secret")]
    public AfterHooksOptions LookupSecret { get; set; } = new();

    /// <summary><c>selfservice.flows.settings.after.profile</c>.</summary>
    [ConfigurationKeyName("profile")]
    public AfterHooksOptions Profile { get; set; } = new();

    protected override AfterHooksOptions? FlowMethod(string method) => method switch
    {
        "totp" => Totp,
        "lookup_secret" => LookupSecret,
        "profile" => Profile,
        _ => null,
    };
}
