using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Hooks.WebHooks.Deliveries;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Hooks.WebHooks;

/// <summary>
/// Runs <c>web_hook</c> entries: the entry point for every execution point (the after-hook executors in
/// <see cref="WebHookHook"/>, and the flows' before hooks and registration/settings pre-persist hooks). It renders the
/// request from the configuration and <c>ctx</c>, then either queues it (<c>response.ignore</c>: delivered in the
/// background, never failing the flow) or sends it and reads the answer into a <see cref="WebHookOutcome"/>.
/// </summary>
internal sealed partial class WebHookRunner(
    WebHookRequestRenderer renderer,
    WebHookSender sender,
    IWebHookDeliveryStore deliveries,
    IOptionsMonitor<CustosOptions> options,
    TimeProvider clock,
    ILogger<WebHookRunner> logger)
{
    /// <summary>Runs one <c>web_hook</c> entry for <paramref name="invocation"/>. Never throws for the hook's own failures: they are <see cref="WebHookOutcome.Failed"/>.</summary>
    public async Task<WebHookOutcome> RunAsync(HookOptions hook, WebHookInvocation invocation, CancellationToken ct)
    {
        WebHookConfig? config = null;
        try
        {
            config = WebHookConfig.From(hook.Config);
            var ctx = WebHookTemplateContext.Build(invocation, options.CurrentValue, Clock.Now(clock));
            if (await renderer.RenderAsync(config, ctx, ct) is not { } request)
            {
                return WebHookOutcome.Continue.Instance;
            }

            if (config.Ignore)
            {
                // Queued in the flow's transaction: delivered once the flow is stored, and not at all if it rolls back.
                await deliveries.EnqueueAsync(WebHookDelivery.Queue(request, Clock.Now(clock)), ct);
                return WebHookOutcome.Continue.Instance;
            }

            var response = await sender.SendAsync(request, Guid.NewGuid(), ct);
            return WebHookResponses.Interpret(config, response);
        }
        catch (CustosException e) when (config is { Ignore: true })
        {
            // Kratos builds an ignored hook's request in the background too: its failures are logged, never the flow's.
            LogFailed(logger, config.Id, e.Code, e.Reason ?? e.Message);
            return WebHookOutcome.Continue.Instance;
        }
        catch (CustosException e)
        {
            LogFailed(logger, config?.Id, e.Code, e.Reason ?? e.Message);
            return new WebHookOutcome.Failed(e);
        }
        catch (WebHookTransportException e)
        {
            var error = WebHookResponses.ErrorFor(e);
            LogFailed(logger, config?.Id, error.Code, e.Message);
            return new WebHookOutcome.Failed(error);
        }
    }

    /// <summary>
    /// Runs the <c>web_hook</c> steps of a plan in order (other hook kinds are skipped), as Kratos runs a list on one
    /// identity: a <see cref="WebHookOutcome.Parsed"/> answer is applied to <see cref="WebHookInvocation.Identity"/> at
    /// once, so later hooks see it, and the first <see cref="WebHookOutcome.Interrupted"/> or
    /// <see cref="WebHookOutcome.Failed"/> ends the run and is returned; otherwise <see cref="WebHookOutcome.Continue"/>.
    /// For registration and settings pre-persist (<c>HookPlan.Resolve(..., HookPhase.PrePersist, method)</c>) and
    /// every flow's before hooks (<c>HookPhase.Before</c>).
    /// </summary>
    public async Task<WebHookOutcome> RunInOrderAsync(IEnumerable<PlannedHook> plan, WebHookInvocation invocation, CancellationToken ct)
    {
        foreach (var step in plan)
        {
            if (step is not { Kind: HookKind.WebHook, Entry: { } entry })
            {
                continue;
            }

            var outcome = await RunAsync(entry, invocation, ct);
            if (outcome is WebHookOutcome.Interrupted or WebHookOutcome.Failed)
            {
                return outcome;
            }

            if (outcome is WebHookOutcome.Parsed parsed && invocation.Identity is { } identity)
            {
                parsed.Identity.ApplyTo(identity);
            }
        }

        return WebHookOutcome.Continue.Instance;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Web hook {HookId} failed ({Code}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string? hookId, int code, string reason);
}
