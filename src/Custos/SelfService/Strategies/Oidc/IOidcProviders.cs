namespace Custos.SelfService.Strategies.Oidc;

/// <summary>The configured providers, built from <c>selfservice.methods.oidc.config.providers</c> (re-read when the config changes).</summary>
internal interface IOidcProviders
{
    /// <summary>The provider with this <c>id</c>, or null when none is configured.</summary>
    IOidcProvider? Find(string id);

    /// <summary>Every configured provider, in configuration order.</summary>
    IReadOnlyList<IOidcProvider> All { get; }
}
