using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.flows.login.after</c>: global hooks plus per-method overrides.</summary>
internal sealed class LoginAfterOptions
{
    /// <summary><c>selfservice.flows.login.after.default_browser_return_url</c>.</summary>
    [ConfigurationKeyName("default_browser_return_url")]
    [ConfigUrl]
    public string? DefaultBrowserReturnUrl { get; set; }

    /// <summary><c>selfservice.flows.login.after.hooks</c>: used for methods without their own non-empty list.</summary>
    [ConfigurationKeyName("hooks")]
    public List<HookOptions> Hooks { get; set; } = [];

    /// <summary><c>selfservice.flows.login.after.password</c>.</summary>
    [ConfigurationKeyName("password")]
    public AfterHooksOptions Password { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.webauthn</c>.</summary>
    [ConfigurationKeyName("webauthn")]
    public AfterHooksOptions Webauthn { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.passkey</c>.</summary>
    [ConfigurationKeyName("passkey")]
    public AfterHooksOptions Passkey { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.oidc</c>.</summary>
    [ConfigurationKeyName("oidc")]
    public AfterHooksOptions Oidc { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.code</c>.</summary>
    [ConfigurationKeyName("code")]
    public AfterHooksOptions Code { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.totp</c>.</summary>
    [ConfigurationKeyName("totp")]
    public AfterHooksOptions Totp { get; set; } = new();

    /// <summary><c>selfservice.flows.login.after.lookup_secret</c>.</summary>
    [ConfigurationKeyName("lookup_secret")]
    public AfterHooksOptions LookupSecret { get; set; } = new();

    /// <summary>The per-method block for a method id (<c>password</c>, <c>lookup_secret</c>, ...), or null if it has none.</summary>
    public AfterHooksOptions? ForMethod(string method) => method switch
    {
        "password" => Password,
        "webauthn" => Webauthn,
        "passkey" => Passkey,
        "oidc" => Oidc,
        "code" => Code,
        "totp" => Totp,
        "lookup_secret" => LookupSecret,
        _ => null,
    };

    /// <summary>The hooks to run after a login with <paramref name="method"/>: the method list if non-empty, else the global list.</summary>
    public IReadOnlyList<HookOptions> HooksFor(string method) => HookResolution.Resolve(ForMethod(method), Hooks);

    /// <summary>The method's <c>default_browser_return_url</c>, else the flow-wide one, else null.</summary>
    public string? DefaultBrowserReturnUrlFor(string method) =>
        ForMethod(method)?.DefaultBrowserReturnUrl ?? DefaultBrowserReturnUrl;
}
