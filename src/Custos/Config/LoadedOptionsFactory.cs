using Microsoft.Extensions.Options;

namespace Custos.Config;

/// <summary>
/// Serves the already loaded <see cref="CustosOptions"/> to <see cref="IOptions{TOptions}"/>,
/// <see cref="IOptionsSnapshot{TOptions}"/> and <see cref="IOptionsMonitor{TOptions}"/>, re-running any registered
/// validators (so areas can add their own <see cref="IValidateOptions{TOptions}"/> rules).
/// </summary>
internal sealed class LoadedOptionsFactory(ConfigurationLoadResult loaded, IEnumerable<IValidateOptions<CustosOptions>> validators)
    : IOptionsFactory<CustosOptions>
{
    /// <inheritdoc />
    public CustosOptions Create(string name)
    {
        var failures = validators
            .Select(v => v.Validate(name, loaded.Options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])
            .ToList();
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(name, typeof(CustosOptions), failures);
        }

        return loaded.Options;
    }
}
