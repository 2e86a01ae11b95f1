using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// <c>selfservice.flows.{login,registration,settings}.after</c>: the flow-wide hooks and return URL, and per-method
/// blocks that override them. The methods every one of those flows knows are here; each flow adds its own.
/// </summary>
internal abstract class MethodAfterOptions
{
    /// <summary><c>after.default_browser_return_url</c>.</summary>
    [ConfigurationKeyName("default_browser_return_url")]
    [ConfigUrl]
    public string? DefaultBrowserReturnUrl { get; set; }

    /// <summary><c>after.hooks</c>: used for methods without their own non-empty list.</summary>
    [ConfigurationKeyName("hooks")]
    public List<HookOptions> Hooks { get; set; } = [];

    /// <summary><c>after.password</c>.</summary>
    [ConfigurationKeyName("password")]
    public AfterHooksOptions Password { get; set; } = new();

    /// <summary><c>after.webauthn</c>.</summary>
    [ConfigurationKeyName("webauthn")]
    public AfterHooksOptions Webauthn { get; set; } = new();

    /// <summary><c>after.passkey</c>.</summary>
    [ConfigurationKeyName("passkey")]
    public AfterHooksOptions Passkey { get; set; } = new();

    /// <summary><c>after.oidc</c>.</summary>
    [ConfigurationKeyName("oidc")]
    public AfterHooksOptions Oidc { get; set; } = new();

    /// <summary>The per-method block for a method id (<c>password</c>, <c>lookup_secret</c>, ...), or null if it has none.</summary>
    public AfterHooksOptions? ForMethod(string method) => method switch
    {
        "password" => Password,
        "webauthn" => Webauthn,
        "passkey" => Passkey,
        "oidc" => Oidc,
        _ => FlowMethod(method),
    };

    /// <summary>The method's <c>default_browser_return_url</c>, else the flow-wide one, else null.</summary>
    public string? DefaultBrowserReturnUrlFor(string method) =>
        ForMethod(method)?.DefaultBrowserReturnUrl ?? DefaultBrowserReturnUrl;

    /// <summary>The block of a method only this flow knows, or null.</summary>
    protected abstract AfterHooksOptions? FlowMethod(string method);
}
