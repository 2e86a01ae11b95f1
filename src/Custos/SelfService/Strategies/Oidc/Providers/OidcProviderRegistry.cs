using Custos.Config;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc.Providers;

/// <summary>
/// The configured providers, built by the registered <see cref="IOidcProviderKind"/>s from
/// <c>selfservice.methods.oidc.config.providers</c> and rebuilt when the configuration changes (a provider keeps its
/// discovery document and keys until then). An entry of a kind no one builds is left out and logged; the options
/// validator refuses such a configuration at start.
/// </summary>
internal sealed class OidcProviderRegistry : IOidcProviders, IDisposable
{
    private readonly IReadOnlyDictionary<string, IOidcProviderKind> _kinds;
    private readonly ILogger<OidcProviderRegistry> _logger;
    private readonly IDisposable? _subscription;
    private volatile IReadOnlyList<IOidcProvider> _all;

    public OidcProviderRegistry(IOptionsMonitor<CustosOptions> options, IEnumerable<IOidcProviderKind> kinds, ILogger<OidcProviderRegistry> logger)
    {
        _kinds = Index(kinds);
        _logger = logger;
        _all = Build(options.CurrentValue);
        _subscription = options.OnChange(o => _all = Build(o));
    }

    public IReadOnlyList<IOidcProvider> All => _all;

    public IOidcProvider? Find(string id) => _all.FirstOrDefault(p => p.Config.Id == id);

    public void Dispose() => _subscription?.Dispose();

    /// <summary>Every <c>provider</c> value the registered kinds build.</summary>
    public static IReadOnlyDictionary<string, IOidcProviderKind> Index(IEnumerable<IOidcProviderKind> kinds)
    {
        var index = new Dictionary<string, IOidcProviderKind>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            foreach (var name in kind.Kinds)
            {
                index.TryAdd(name, kind);
            }
        }

        return index;
    }

    private List<IOidcProvider> Build(CustosOptions options)
    {
        var built = new List<IOidcProvider>();
        foreach (var config in options.Selfservice.Methods.Oidc.Config.Providers)
        {
            if (_kinds.TryGetValue(config.Provider, out var kind))
            {
                built.Add(kind.Create(config));
            }
            else
            {
                _logger.LogError(
                    "OpenID Connect provider {Id} is left out: provider type {Kind} is not supported, supported are: {Kinds}",
                    config.Id, config.Provider, string.Join(", ", _kinds.Keys.Order(StringComparer.Ordinal)));
            }
        }

        return built;
    }
}
