using Custos.SelfService.Flows.Submit;
using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Flows.Verification;
using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary>A registration whose identity is stored; the hooks fill in what the answer hands out.</summary>
internal sealed class PostRegistrationContext : IVerificationHookContext
{
    /// <summary>The request, as flow services see it.</summary>
    public required FlowRequest Request { get; init; }

    public required RegistrationFlow Flow { get; init; }

    public required Identity.Identity Identity { get; init; }

    public required string Method { get; init; }

    public string? VerificationReturnTo { get; init; }

    public IReadOnlyList<(VerificationFlow Flow, VerifiableAddress Address)> Verifications { get; set; } = [];

    public List<JsonObject> ContinueWith { get; } = [];

    public string? BrowserRedirect { get; set; }

    /// <summary>The session the <c>session</c> hook stored, or null when the flow hands out none.</summary>
    public IssuedSession? Session { get; set; }

    public string FlowType => Flow.Type;

    public FlowKind FlowKind => FlowKind.Registration;

    public HookPhase Phase => HookPhase.After;
}
