using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary>A login whose credentials were accepted; its session is built but not stored yet.</summary>
internal sealed class PostLoginContext : IHookContext
{
    /// <summary>The request, as flow services see it.</summary>
    public required FlowRequest Request { get; init; }

    public required LoginFlow Flow { get; init; }

    public required Identity.Identity Identity { get; init; }

    /// <summary>The session this login stores: a new one, or the session being re-authenticated.</summary>
    public required Session Session { get; init; }

    public required string Method { get; init; }

    public FlowKind FlowKind => FlowKind.Login;

    public HookPhase Phase => HookPhase.After;
}
