using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows.Verification;
using Custos.SelfService.Hooks;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Registration;

/// <summary>
/// <c>security.account_enumeration.mitigate</c> for registration: a registration whose identifier is taken is answered
/// as a new one would be, so the form cannot be used to learn who has an account. It works only where a new
/// registration hands out no session (no <c>session</c> hook for the method): a session cannot be faked, and Kratos
/// itself answers 4000007 there. The password was hashed before the insert failed, so the work matches a real one.
/// </summary>
internal sealed class RegistrationDecoy(IOptionsMonitor<CustosOptions> options, IPrivilegedIdentityPool pool, VerificationHook verification, TimeProvider clock)
{
    /// <summary>True when a taken identifier should be answered as a success for <paramref name="method"/>.</summary>
    public bool Applies(string method)
    {
        var o = options.CurrentValue;
        return o.Security.AccountEnumeration.Mitigate
            && !HookPlan.Resolve(o, FlowKind.Registration, HookPhase.After, method).Any(h => h.Kind == HookKind.Session);
    }

    /// <summary>
    /// What the post-registration hooks would have done for the unsaved <paramref name="identity"/>, without storing it:
    /// the verification message a new address gets goes to the existing owner of the same address instead (anyone can
    /// ask for that through the verification flow), and <c>show_verification_ui</c> points at that flow. Web hooks
    /// do not run: no identity was created.
    /// </summary>
    public async Task RunAsync(PostRegistrationContext context, CancellationToken ct)
    {
        var identity = context.Identity;
        var now = clock.GetUtcNow().UtcDateTime;
        // The store gives addresses their ids on insert; an answer with empty ids would give the decoy away.
        foreach (var address in identity.VerifiableAddresses.Where(a => a.Id == Guid.Empty))
        {
            address.Id = Guid.NewGuid();
        }

        foreach (var address in identity.RecoveryAddresses.Where(a => a.Id == Guid.Empty))
        {
            address.Id = Guid.NewGuid();
        }

        var plan = HookPlan.Resolve(options.CurrentValue, FlowKind.Registration, HookPhase.After, context.Method);
        if (plan.Any(h => h.Kind == HookKind.Verification))
        {
            var started = new List<(VerificationFlow, VerifiableAddress)>();
            foreach (var address in identity.VerifiableAddresses.Where(a => !a.Verified && a.Status == VerifiableAddressStatus.Pending && a.Via == "email"))
            {
                if (await pool.FindVerifiableAddressAsync(address.Via, address.Value, ct) is not { } owner
                    || await pool.GetAsync(owner.IdentityId, withCredentials: false, ct) is not { } existing)
                {
                    continue;
                }

                var flow = await verification.StartForAsync(context.Request, context.FlowType, existing, owner.Address, context.VerificationReturnTo, ct);
                // The answer shows the address as a new one would look once its message went out.
                address.Status = VerifiableAddressStatus.Sent;
                address.UpdatedAt = now;
                started.Add((flow, address));
            }

            context.Verifications = started;
        }

        if (plan.Any(h => h.Kind == HookKind.ShowVerificationUi) && context.Verifications.Count > 0)
        {
            var (flow, address) = context.Verifications[0];
            context.ContinueWith.Add(verification.ContinueWith(flow, address));
            context.BrowserRedirect = FlowUrls.Ui(FlowKind.Verification, options.CurrentValue, flow.Id);
        }
    }
}
