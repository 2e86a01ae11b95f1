using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.SelfService.Strategies.Code;

/// <summary>Registers the building blocks of the <c>code</c> method for login and registration, and its registration strategy.</summary>
internal static class CodeServiceCollectionExtensions
{
    public static IServiceCollection AddCodeMethod(this IServiceCollection services)
    {
        services.TryAddScoped<IOneTimeSecretStore, SqlOneTimeSecretStore>();
        services.TryAddSingleton<OneTimeSecrets>();
        services.TryAddScoped<OneTimeSecretIssuer>();
        services.TryAddScoped<CodeSender>();
        services.TryAddScoped<CodeAttempts>();
        services.TryAddScoped<CodeGuessLimit>();
        services.TryAddScoped<CodeIdentityFinder>();
        services.TryAddScoped<LoginCodes>();
        services.TryAddScoped<RegistrationCodes>();
        return services.AddStrategy<CodeRegistrationStrategy>();
    }
}
