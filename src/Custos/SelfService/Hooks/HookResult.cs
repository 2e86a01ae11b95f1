using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Hooks;

/// <summary>What a hook tells its pipeline: go on with the next hook, or stop the flow with an outcome of its own.</summary>
internal sealed class HookResult
{
    private HookResult(FlowOutcome? outcome) => Outcome = outcome;

    public static HookResult Continue { get; } = new(null);

    /// <summary>The outcome that ends the flow instead of its usual answer; null to continue.</summary>
    public FlowOutcome? Outcome { get; }

    public static HookResult Abort(FlowOutcome outcome) => new(outcome);
}
