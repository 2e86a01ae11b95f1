using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.oidc.config</c>.</summary>
internal sealed class OidcConfigOptions
{
    /// <summary><c>selfservice.methods.oidc.config.base_redirect_uri</c>: base of the callback URLs; defaults to the public base URL.</summary>
    [ConfigurationKeyName("base_redirect_uri")]
    [ConfigUrl(Absolute = true)]
    public string? BaseRedirectUri { get; set; }

    /// <summary><c>selfservice.methods.oidc.config.providers</c>: the configured identity providers.</summary>
    [ConfigurationKeyName("providers")]
    public List<OidcProviderOptions> Providers { get; set; } = [];

    /// <summary>The provider with this <c>id</c>, or null.</summary>
    public OidcProviderOptions? FindProvider(string id) => Providers.Find(p => p.Id == id);
}
