using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// <c>web_hook</c> after login, registration (post-persist), settings (post-persist) and recovery, with the
/// <c>ctx</c> Kratos gives each (contract §7.3): login the identity and the session, registration and recovery the
/// identity only, settings both. An interrupt answer puts its messages on the flow and answers it as invalid (400 or
/// the UI); a failure ends the flow with Kratos's error; a parsed identity changes the one in memory only, as Kratos
/// does at these points (pre-persist parsing belongs to the flows, through <see cref="WebHookRunner.RunInOrderAsync"/>).
/// </summary>
internal sealed class WebHookHook(WebHookRunner runner)
    : IPostLoginHook, IPostRegistrationHook, IPostSettingsHook, IPostRecoveryHook
{
    public HookKind Kind => HookKind.WebHook;

    public Task<HookResult> RunAsync(PostLoginContext context, PlannedHook hook, CancellationToken ct) =>
        RunAsync(hook, new WebHookInvocation(context.Flow, WebHookRequestInfo.From(context.Request), context.Identity, context.Session), context.Method, ct);

    public Task<HookResult> RunAsync(PostRegistrationContext context, PlannedHook hook, CancellationToken ct) =>
        RunAsync(hook, new WebHookInvocation(context.Flow, WebHookRequestInfo.From(context.Request), context.Identity), context.Method, ct);

    public Task<HookResult> RunAsync(PostSettingsContext context, PlannedHook hook, CancellationToken ct) =>
        RunAsync(hook, new WebHookInvocation(context.Flow, WebHookRequestInfo.From(context.Request), context.Identity, context.Session), context.Method, ct);

    public Task<HookResult> RunAsync(PostRecoveryContext context, PlannedHook hook, CancellationToken ct) =>
        RunAsync(hook, new WebHookInvocation(context.Flow, WebHookRequestInfo.From(context.Request), context.Identity), context.Method, ct);

    private async Task<HookResult> RunAsync(PlannedHook hook, WebHookInvocation invocation, string method, CancellationToken ct)
    {
        switch (await runner.RunAsync(hook.Entry!, invocation, ct))
        {
            case WebHookOutcome.Parsed parsed when invocation.Identity is { } identity:
                parsed.Identity.ApplyTo(identity);
                return HookResult.Continue;
            case WebHookOutcome.Interrupted interrupted:
                // Kratos parses the error into the nodes of the method's group (password login: "password").
                WebHookInterrupts.ApplyTo(invocation.Flow.Ui, interrupted.Messages, GroupOf(method));
                return HookResult.Abort(new FlowOutcome.Invalid(invocation.Flow));
            case WebHookOutcome.Failed failed:
                throw failed.Error;
            default:
                return HookResult.Continue;
        }
    }

    /// <summary>The node group an interrupt of <paramref name="method"/>'s hooks is parsed into (Kratos: the method's own group).</summary>
    internal static string GroupOf(string method) => method switch
    {
        UiNodeGroup.Password or UiNodeGroup.Oidc or UiNodeGroup.Profile or UiNodeGroup.Code or UiNodeGroup.Totp
            or UiNodeGroup.LookupSecret or UiNodeGroup.WebAuthn or UiNodeGroup.Passkey or UiNodeGroup.Link => method,
        _ => UiNodeGroup.Default,
    };
}
