using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.UnitTests.Sessions;

/// <summary>An options monitor over one mutable <see cref="CustosOptions"/> tree.</summary>
internal sealed class FixedOptionsMonitor(CustosOptions value) : IOptionsMonitor<CustosOptions>
{
    public CustosOptions CurrentValue { get; } = value;

    public CustosOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
}
