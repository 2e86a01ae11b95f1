using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.Persistence.Tests;

/// <summary>A fixed <see cref="IOptionsMonitor{TOptions}"/> over a hand-built <see cref="CustosOptions"/>.</summary>
internal sealed class FixedOptions(CustosOptions value) : IOptionsMonitor<CustosOptions>
{
    public CustosOptions CurrentValue { get; } = value;

    public static FixedOptions With(Action<CustosOptions> configure)
    {
        var options = new CustosOptions();
        configure(options);
        return new FixedOptions(options);
    }

    public CustosOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
}
