using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.login.after</c>: global hooks plus per-method overrides.</summary>
internal sealed class LoginAfterOptions : MethodAfterOptions
{
    /// <summary><c>selfservice.flows.login.after.code</c>.</summary>
    [ConfigurationKeyName("code")]
    public AfterHooksOptions Code { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.totp</c>.</summary>
    [ConfigurationKeyName("totp")]
    public AfterHooksOptions Totp { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.lookup_secret</c>.</summary>
    [ConfigurationKeyName("lookup_secret")]
    public AfterHooksOptions LookupSecret { get; set; } = new();

    protected override AfterHooksOptions? FlowMethod(string method) => method switch
    {
        "code" => Code,
        "totp" => Totp,
        "lookup_secret" => LookupSecret,
        _ => null,
    };
}
