using Custos.SelfService.Flows.Verification;

namespace Custos.SelfService.Hooks;

/// <summary>
/// The verification Kratos runs on its own when <c>selfservice.flows.verification.enabled</c> is on: a verification
/// flow, its message sent, for every address not yet sent one. At login it is the configured <c>verification</c> hook:
/// for aal1 logins, one flow for the first address not verified; it never stops the login.
/// </summary>
internal sealed class VerifierHook(VerificationHook verification) : IPostRegistrationHook, IPostSettingsHook, IPostLoginHook
{
    public HookKind Kind => HookKind.Verification;

    public Task<HookResult> RunAsync(PostRegistrationContext context, PlannedHook hook, CancellationToken ct) => StartAsync(context, ct);

    // Kratos's verifier runs after every settings method but only picks addresses no message went to yet, and only a
    // profile change adds such an address; Custos looks after a profile change only.
    public Task<HookResult> RunAsync(PostSettingsContext context, PlannedHook hook, CancellationToken ct) =>
        context.Method == "profile" ? StartAsync(context, ct) : Task.FromResult(HookResult.Continue);

    // Kratos skips a step-up (aal2) login: the address was offered for verification at the first factor already.
    public async Task<HookResult> RunAsync(PostLoginContext context, PlannedHook hook, CancellationToken ct)
    {
        if (context.Flow.RequestedAal == "aal1")
        {
            context.Verifications = await verification.StartFirstAsync(context.Request, context.FlowType, context.Identity, context.VerificationReturnTo, ct);
        }

        return HookResult.Continue;
    }

    private async Task<HookResult> StartAsync(IVerificationHookContext context, CancellationToken ct)
    {
        context.Verifications = await verification.StartAsync(context.Request, context.FlowType, context.Identity, context.VerificationReturnTo, ct);
        return HookResult.Continue;
    }
}
