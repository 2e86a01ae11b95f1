using System.Text.Json;
using Custos.Config;
using Custos.SelfService.Flows;

namespace Custos.SelfService.Hooks;

/// <summary>
/// Which hooks run, in which order, for a flow, phase and method (the contract's §7.1, §7.2 and §7.6). The one place
/// these rules live; <see cref="HookPipeline{THook, TContext}"/> runs the result.
/// </summary>
internal static class HookPlan
{
    public static IReadOnlyList<PlannedHook> Resolve(CustosOptions options, FlowKind flow, HookPhase phase, string? method)
    {
        var plan = new List<PlannedHook>();
        if (phase == HookPhase.After && flow is FlowKind.Registration or FlowKind.Settings && options.Selfservice.Flows.Verification.Enabled)
        {
            // Kratos puts its verifier first so that show_verification_ui, wherever it is listed, finds the flows it started.
            plan.Add(new PlannedHook(HookKind.Verification, null));
        }

        var issuers = new List<PlannedHook>();
        foreach (var entry in Configured(options.Selfservice.Flows, flow, phase, method))
        {
            if (HookKinds.Parse(entry.Hook) is { } kind && HookKinds.RunsAt(kind, flow, phase) && InPhase(kind, entry, flow, phase))
            {
                (kind == HookKind.Session ? issuers : plan).Add(new PlannedHook(kind, entry));
            }
        }

        // session hands out the session and ends the flow's answer, so Kratos runs it last wherever it is listed.
        plan.AddRange(issuers);
        return plan;
    }

    /// <summary>The configured list: a non-empty method list replaces the global one (never merged).</summary>
    private static List<HookOptions> Configured(FlowsOptions flows, FlowKind flow, HookPhase phase, string? method) => (flow, phase) switch
    {
        (FlowKind.Login, HookPhase.Before) => flows.Login.Before.Hooks,
        (FlowKind.Registration, HookPhase.Before) => flows.Registration.Before.Hooks,
        (FlowKind.Settings, HookPhase.Before) => flows.Settings.Before.Hooks,
        (FlowKind.Recovery, HookPhase.Before) => flows.Recovery.Before.Hooks,
        (FlowKind.Verification, HookPhase.Before) => flows.Verification.Before.Hooks,
        (FlowKind.Login, HookPhase.After) => MethodOrGlobal(flows.Login.After, method),
        (FlowKind.Registration, HookPhase.After) => MethodOrGlobal(flows.Registration.After, method),
        (FlowKind.Settings, HookPhase.After) => MethodOrGlobal(flows.Settings.After, method),
        // Parse-mode web hooks are read from the method list only, never from the global one.
        (FlowKind.Registration, HookPhase.PrePersist) => MethodOnly(flows.Registration.After, method),
        (FlowKind.Settings, HookPhase.PrePersist) => MethodOnly(flows.Settings.After, method),
        (FlowKind.Recovery, HookPhase.After) => flows.Recovery.After.Hooks,
        (FlowKind.Verification, HookPhase.After) => flows.Verification.After.Hooks,
        _ => [],
    };

    private static List<HookOptions> MethodOrGlobal(MethodAfterOptions after, string? method) =>
        MethodOnly(after, method) is { Count: > 0 } methodHooks ? methodHooks : after.Hooks;

    private static List<HookOptions> MethodOnly(MethodAfterOptions after, string? method) =>
        method is null ? [] : after.ForMethod(method)?.Hooks ?? [];

    /// <summary>Registration and settings split a list: parse-mode web hooks before the identity is saved, the rest after.</summary>
    private static bool InPhase(HookKind kind, HookOptions entry, FlowKind flow, HookPhase phase) => phase switch
    {
        HookPhase.PrePersist => Parses(entry),
        HookPhase.After when flow is FlowKind.Registration or FlowKind.Settings => kind != HookKind.WebHook || !Parses(entry),
        _ => true,
    };

    /// <summary><c>response.parse</c> or its deprecated alias <c>can_interrupt</c>.</summary>
    private static bool Parses(HookOptions entry) =>
        entry.Config is { ValueKind: JsonValueKind.Object } config
        && ((config.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
                && response.TryGetProperty("parse", out var parse) && parse.ValueKind == JsonValueKind.True)
            || (config.TryGetProperty("can_interrupt", out var interrupt) && interrupt.ValueKind == JsonValueKind.True));
}
