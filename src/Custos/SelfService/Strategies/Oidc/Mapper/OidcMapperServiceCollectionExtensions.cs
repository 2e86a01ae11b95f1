using Custos.SelfService.Strategies.Oidc.Providers;
using Custos.SelfService.Strategies.Oidc.Tokens;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Oidc.Mapper;

/// <summary>
/// Registers the Jsonnet claims mapper and the token cipher of social sign-in. The cipher is needed even with the
/// <c>oidc</c> method off: the admin API opens imported or earlier-linked tokens for <c>include_credential=oidc</c>.
/// </summary>
internal static class OidcMapperServiceCollectionExtensions
{
    public static IServiceCollection AddOidcMapper(this IServiceCollection services)
    {
        services.TryAddSingleton<OidcHttp>();
        services.TryAddSingleton<IOidcClaimsMapper, OidcClaimsMapper>();
        services.TryAddSingleton<IOidcTokenCipher, OidcTokenCipher>();
        return services;
    }
}
