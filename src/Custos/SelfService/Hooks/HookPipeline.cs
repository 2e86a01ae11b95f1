using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks;

/// <summary>
/// Runs one execution point's hooks in the order <see cref="HookPlan"/> resolves; the first abort ends the run.
/// </summary>
internal sealed class HookPipeline<THook, TContext>(IEnumerable<THook> executors, IOptionsMonitor<CustosOptions> options)
    where THook : IHook<TContext>
    where TContext : IHookContext
{
    public async Task<HookResult> RunAsync(TContext context, CancellationToken ct)
    {
        foreach (var planned in HookPlan.Resolve(options.CurrentValue, context.FlowKind, context.Phase, context.Method))
        {
            // A planned hook without an executor at this point is passed over: verify_new_address and
            // notify_previous_addresses have none (docs/differences.md lists what is not run).
            // The last executor registered for a kind wins, as with any DI registration (a host can replace one).
            if (executors.LastOrDefault(e => e.Kind == planned.Kind) is not { } executor)
            {
                continue;
            }

            var result = await executor.RunAsync(context, planned, ct);
            if (result.Outcome is not null)
            {
                return result;
            }
        }

        return HookResult.Continue;
    }
}
