using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers;

/// <summary>
/// Builds providers of some <c>provider</c> kinds (<c>generic</c>, <c>github</c>, ...). Each kind's class registers one
/// as a singleton; the provider registry picks by <see cref="OidcProviderOptions.Provider"/>.
/// </summary>
internal interface IOidcProviderKind
{
    /// <summary>The <c>provider</c> values this kind answers.</summary>
    IReadOnlyCollection<string> Kinds { get; }

    /// <summary>The provider for one configuration entry (cheap: network work happens on first use).</summary>
    IOidcProvider Create(OidcProviderOptions config);
}
