using Custos.SelfService.Flows.Verification;

namespace Custos.SelfService.Hooks;

/// <summary>
/// <c>require_verified_address</c>: a login without a verified address is stopped and a verification code goes to the
/// identity's first address.
/// </summary>
internal sealed class RequireVerifiedAddressHook(VerificationHook verification) : IPostLoginHook
{
    public HookKind Kind => HookKind.RequireVerifiedAddress;

    public async Task<HookResult> RunAsync(PostLoginContext context, PlannedHook hook, CancellationToken ct) =>
        await verification.RequireVerifiedAddressAsync(context.Request, context.Flow, context.Identity, ct) is { } refused
            ? HookResult.Abort(refused)
            : HookResult.Continue;
}
