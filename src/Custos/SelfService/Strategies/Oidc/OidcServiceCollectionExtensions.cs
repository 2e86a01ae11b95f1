namespace Custos.SelfService.Strategies.Oidc;

internal static class OidcServiceCollectionExtensions
{
    /// <summary>The <c>oidc</c> strategy (social sign-in) with the forms it fills in.</summary>
    public static IServiceCollection AddOidc(this IServiceCollection services) => services.AddStrategy<OidcStrategy>();
}
