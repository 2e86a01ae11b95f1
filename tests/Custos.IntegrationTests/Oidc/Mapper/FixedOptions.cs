using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.IntegrationTests.Oidc.Mapper;

/// <summary>Options that never change, for parts built without the app.</summary>
internal sealed class FixedOptions(CustosOptions value) : IOptionsMonitor<CustosOptions>
{
    public CustosOptions CurrentValue { get; } = value;

    public CustosOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
}
