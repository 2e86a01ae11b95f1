using Custos.Hosting;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Hooks;

namespace Custos.IntegrationTests.SelfService.Registration;

/// <summary>
/// Stands in for a <c>web_hook</c> whose endpoint answers 4xx while the switch is on: Kratos then fails the flow with
/// 502 after the identity was written (strategies contract §7.4).
/// </summary>
internal sealed class FailingWebHook(BreakSwitch broken) : IPostRegistrationHook
{
    public HookKind Kind => HookKind.WebHook;

    public Task<HookResult> RunAsync(PostRegistrationContext context, PlannedHook hook, CancellationToken ct) => broken.Broken
        ? throw new CustosException(502, "A third-party upstream service responded improperly. Please try again later.", "webhook failed with status code 400")
        : Task.FromResult(HookResult.Continue);
}
