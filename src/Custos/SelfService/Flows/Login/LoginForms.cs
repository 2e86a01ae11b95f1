using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Login;

/// <summary>
/// Fills a login flow's form with every enabled strategy, in strategy order. The strategies are resolved when a form
/// is built, not injected, because one of them (identifier-first) builds forms itself.
/// </summary>
internal sealed class LoginForms(IServiceProvider services, IOptionsMonitor<CustosOptions> options)
{
    /// <summary>The enabled login strategies, in Kratos's order.</summary>
    public IEnumerable<ILoginStrategy> Enabled() =>
        services.GetServices<ILoginStrategy>().Where(s => s.IsEnabled(options.CurrentValue)).OrderBy(s => s.Order);

    /// <summary>Lets every enabled strategy add its nodes; true when any did.</summary>
    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        var any = false;
        foreach (var strategy in Enabled())
        {
            any |= await strategy.PopulateAsync(flow, form, ct);
        }

        return any;
    }
}
