using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>oauth2_provider</c>: Ory Hydra integration.</summary>
internal sealed class OAuth2ProviderOptions
{
    /// <summary><c>oauth2_provider.url</c>: Hydra admin URL; enables <c>login_challenge</c> handling.</summary>
    [ConfigurationKeyName("url")]
    [ConfigUrl(Absolute = true)]
    public string? Url { get; set; }

    /// <summary><c>oauth2_provider.headers</c>: headers sent to Hydra.</summary>
    [ConfigurationKeyName("headers")]
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary><c>oauth2_provider.override_return_to</c>. Default false.</summary>
    [ConfigurationKeyName("override_return_to")]
    public bool OverrideReturnTo { get; set; }
}
