using Custos.Sessions;

namespace Custos.SelfService.Hooks;

/// <summary><c>revoke_active_sessions</c>: every other session of the identity ends; the flow's own session stays.</summary>
internal sealed class RevokeActiveSessionsHook(SessionManager sessions) : IPostLoginHook, IPostSettingsHook, IPostRecoveryHook
{
    public HookKind Kind => HookKind.RevokeActiveSessions;

    public Task<HookResult> RunAsync(PostLoginContext context, PlannedHook hook, CancellationToken ct) =>
        RevokeAsync(context.Identity.Id, context.Session.Id, ct);

    public Task<HookResult> RunAsync(PostSettingsContext context, PlannedHook hook, CancellationToken ct) =>
        RevokeAsync(context.Identity.Id, context.Session.Id, ct);

    public Task<HookResult> RunAsync(PostRecoveryContext context, PlannedHook hook, CancellationToken ct) =>
        RevokeAsync(context.Identity.Id, context.Session.Id, ct);

    private async Task<HookResult> RevokeAsync(Guid identityId, Guid keep, CancellationToken ct)
    {
        await sessions.RevokeOtherSessionsAsync(identityId, keep, SessionRevocationAudit.Hook, ct);
        return HookResult.Continue;
    }
}
