using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.UnitTests.SelfService;

/// <summary>A fixed <see cref="IOptionsMonitor{TOptions}"/> over a hand-built <see cref="CustosOptions"/>.</summary>
internal sealed class TestOptions(CustosOptions value) : IOptionsMonitor<CustosOptions>
{
    public TestOptions(Action<CustosOptions>? configure = null)
        : this(Build(configure))
    {
    }

    public CustosOptions CurrentValue { get; } = value;

    public CustosOptions Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;

    private static CustosOptions Build(Action<CustosOptions>? configure)
    {
        var options = new CustosOptions();
        options.Serve.Public.Port = 4433;
        options.Serve.Public.BaseUrl = "https://auth.example.com/";
        options.Selfservice.DefaultBrowserReturnUrl = "https://app.example.com/welcome";
        configure?.Invoke(options);
        return options;
    }
}
