using Custos.SelfService.Flows;

namespace Custos.SelfService.Hooks;

/// <summary>Hook names and the execution points each hook has in Kratos (the contract's §7.1, "Execution point(s)").</summary>
internal static class HookKinds
{
    /// <summary>
    /// The kind a configured name stands for, or null for names no Custos flow runs: <c>b2b_sso</c> and
    /// <c>organization</c> belong to Ory's hosted enterprise features.
    /// </summary>
    public static HookKind? Parse(string name) => name switch
    {
        "session" => HookKind.Session,
        "revoke_active_sessions" => HookKind.RevokeActiveSessions,
        "require_verified_address" => HookKind.RequireVerifiedAddress,
        "verification" => HookKind.Verification,
        "show_verification_ui" => HookKind.ShowVerificationUi,
        "web_hook" => HookKind.WebHook,
        "verify_new_address" => HookKind.VerifyNewAddress,
        "notify_previous_addresses" => HookKind.NotifyPreviousAddresses,
        _ => null,
    };

    /// <summary>
    /// Whether Kratos has an executor for <paramref name="kind"/> at this point. A hook listed anywhere else is ignored,
    /// as Kratos ignores it. Kratos's configuration schema narrows some lists further (for example <c>session</c> only in
    /// <c>registration.after.&lt;method&gt;</c>); Custos does not refuse those configurations and runs the hook wherever
    /// its flow has an executor for it, so <c>session</c> in the global registration list works (the dev default).
    /// </summary>
    public static bool RunsAt(HookKind kind, FlowKind flow, HookPhase phase) => kind switch
    {
        HookKind.WebHook => phase != HookPhase.PrePersist || flow is FlowKind.Registration or FlowKind.Settings,
        _ when phase != HookPhase.After => false,
        HookKind.Session => flow == FlowKind.Registration,
        HookKind.RevokeActiveSessions => flow is FlowKind.Login or FlowKind.Settings or FlowKind.Recovery,
        HookKind.RequireVerifiedAddress or HookKind.Verification => flow == FlowKind.Login,
        HookKind.ShowVerificationUi => flow is FlowKind.Registration or FlowKind.Login or FlowKind.Settings,
        HookKind.VerifyNewAddress or HookKind.NotifyPreviousAddresses => flow == FlowKind.Settings,
        _ => false,
    };
}
