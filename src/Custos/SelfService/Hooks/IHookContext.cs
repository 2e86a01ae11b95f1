using Custos.SelfService.Flows;

namespace Custos.SelfService.Hooks;

/// <summary>What every hook execution point says about itself, so the pipeline can resolve its plan.</summary>
internal interface IHookContext
{
    /// <summary>The flow the hooks run for.</summary>
    FlowKind FlowKind { get; }

    /// <summary>The phase of that flow.</summary>
    HookPhase Phase { get; }

    /// <summary>The method that completed the flow (<c>password</c>, <c>profile</c>, <c>code</c>, ...): it picks the method list.</summary>
    string Method { get; }
}
