using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Verification;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks;

/// <summary>
/// <c>show_verification_ui</c>: points the client at the first verification flow started in this request, through
/// <c>continue_with</c> and, for a browser, a redirect to the verification UI. With none started it does nothing.
/// </summary>
internal sealed class ShowVerificationUiHook(VerificationHook verification, IOptionsMonitor<CustosOptions> options)
    : IPostRegistrationHook, IPostSettingsHook, IPostLoginHook
{
    public HookKind Kind => HookKind.ShowVerificationUi;

    public Task<HookResult> RunAsync(PostRegistrationContext context, PlannedHook hook, CancellationToken ct) => Show(context);

    public Task<HookResult> RunAsync(PostSettingsContext context, PlannedHook hook, CancellationToken ct) => Show(context);

    public Task<HookResult> RunAsync(PostLoginContext context, PlannedHook hook, CancellationToken ct) => Show(context);

    private Task<HookResult> Show(IVerificationHookContext context)
    {
        if (context.Verifications.Count > 0)
        {
            var (flow, address) = context.Verifications[0];
            context.ContinueWith.Add(verification.ContinueWith(flow, address));
            context.BrowserRedirect = FlowUrls.Ui(FlowKind.Verification, options.CurrentValue, flow.Id);
        }

        return Task.FromResult(HookResult.Continue);
    }
}
