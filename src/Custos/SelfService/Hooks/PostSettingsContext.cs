using Custos.SelfService.Flows.Submit;
using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Verification;
using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary>A settings change that is stored.</summary>
internal sealed class PostSettingsContext : IVerificationHookContext
{
    /// <summary>The request, as flow services see it.</summary>
    public required FlowRequest Request { get; init; }

    public required SettingsFlow Flow { get; init; }

    public required Identity.Identity Identity { get; init; }

    /// <summary>The session that made the change; it survives <c>revoke_active_sessions</c>.</summary>
    public required Session Session { get; init; }

    public required string Method { get; init; }

    public string? VerificationReturnTo => null;

    public IReadOnlyList<(VerificationFlow Flow, VerifiableAddress Address)> Verifications { get; set; } = [];

    public List<JsonObject> ContinueWith { get; } = [];

    public string? BrowserRedirect { get; set; }

    public string FlowType => Flow.Type;

    public FlowKind FlowKind => FlowKind.Settings;

    public HookPhase Phase => HookPhase.After;
}
