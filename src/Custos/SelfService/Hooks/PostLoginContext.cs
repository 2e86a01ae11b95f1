using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Verification;
using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary>A login whose credentials were accepted; its session is built but not stored yet.</summary>
internal sealed class PostLoginContext : IVerificationHookContext
{
    /// <summary>The request, as flow services see it.</summary>
    public required FlowRequest Request { get; init; }

    public required LoginFlow Flow { get; init; }

    public required Identity.Identity Identity { get; init; }

    /// <summary>The session this login stores: a new one, or the session being re-authenticated.</summary>
    public required Session Session { get; init; }

    public required string Method { get; init; }

    /// <summary>The login's <c>after_verification_return_to</c>, else its <c>return_to</c>, as Kratos carries it over.</summary>
    public string? VerificationReturnTo => VerificationHook.AfterVerificationReturnTo(Flow) ?? Flow.ReturnTo;

    public IReadOnlyList<(VerificationFlow Flow, VerifiableAddress Address)> Verifications { get; set; } = [];

    public List<JsonObject> ContinueWith { get; } = [];

    public string? BrowserRedirect { get; set; }

    public string FlowType => Flow.Type;

    public FlowKind FlowKind => FlowKind.Login;

    public HookPhase Phase => HookPhase.After;
}
