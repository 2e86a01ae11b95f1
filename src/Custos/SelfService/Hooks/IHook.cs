namespace Custos.SelfService.Hooks;

/// <summary>
/// A hook's executor at one execution point. Built-in hooks are small classes registered per point interface
/// (<see cref="IPostLoginHook"/>, ...); the pipeline picks them by <see cref="Kind"/> in plan order.
/// </summary>
internal interface IHook<in TContext>
    where TContext : IHookContext
{
    /// <summary>The configuration name this executor answers to.</summary>
    HookKind Kind { get; }

    /// <summary>Runs the hook for one planned entry; <see cref="HookResult.Abort"/> ends the flow with its response.</summary>
    Task<HookResult> RunAsync(TContext context, PlannedHook hook, CancellationToken ct);
}
