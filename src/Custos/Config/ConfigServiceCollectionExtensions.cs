using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Custos.Config;

/// <summary>Registers the loaded configuration with dependency injection.</summary>
internal static class ConfigServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="config"/> and
    /// <see cref="IOptionsMonitor{TOptions}"/> / <see cref="IOptions{TOptions}"/> of <see cref="CustosOptions"/> returning
    /// the loaded, defaulted and validated tree.
    /// </summary>
    public static IServiceCollection AddCustosConfiguration(this IServiceCollection services, ConfigurationLoadResult config)
    {
        services.AddSingleton(config);
        services.AddOptions<CustosOptions>().ValidateOnStart();
        services.Replace(ServiceDescriptor.Singleton<IOptionsFactory<CustosOptions>, LoadedOptionsFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustosOptions>, CustosOptionsValidator>());
        return services;
    }
}
