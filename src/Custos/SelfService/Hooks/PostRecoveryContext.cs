using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Flows.Submit;
using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary>A recovery whose code or link was accepted; its session is stored.</summary>
internal sealed class PostRecoveryContext : IHookContext
{
    /// <summary>The request, as flow services see it.</summary>
    public required FlowRequest Request { get; init; }

    public required RecoveryFlow Flow { get; init; }

    public required Identity.Identity Identity { get; init; }

    /// <summary>The session recovery signed in with; it survives <c>revoke_active_sessions</c>.</summary>
    public required Session Session { get; init; }

    public required string Method { get; init; }

    public FlowKind FlowKind => FlowKind.Recovery;

    public HookPhase Phase => HookPhase.After;
}
