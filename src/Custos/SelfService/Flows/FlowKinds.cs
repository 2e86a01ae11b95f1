using Custos.Config;

namespace Custos.SelfService.Flows;

/// <summary>Per-kind names: table, route segment, UI URL and lifespan from configuration.</summary>
internal static class FlowKinds
{
    public static string Table(FlowKind kind) => kind switch
    {
        FlowKind.Login => "selfservice_login_flows",
        FlowKind.Registration => "selfservice_registration_flows",
        FlowKind.Recovery => "selfservice_recovery_flows",
        FlowKind.Verification => "selfservice_verification_flows",
        _ => "selfservice_settings_flows",
    };

    public static string Segment(FlowKind kind) => kind.ToString().ToLowerInvariant();

    public static string UiUrl(FlowKind kind, CustosOptions o) => kind switch
    {
        FlowKind.Login => o.Selfservice.Flows.Login.UiUrl,
        FlowKind.Registration => o.Selfservice.Flows.Registration.UiUrl,
        FlowKind.Recovery => o.Selfservice.Flows.Recovery.UiUrl,
        FlowKind.Verification => o.Selfservice.Flows.Verification.UiUrl,
        _ => o.Selfservice.Flows.Settings.UiUrl,
    };

    public static TimeSpan Lifespan(FlowKind kind, CustosOptions o) => kind switch
    {
        FlowKind.Login => o.Selfservice.Flows.Login.Lifespan,
        FlowKind.Registration => o.Selfservice.Flows.Registration.Lifespan,
        FlowKind.Recovery => o.Selfservice.Flows.Recovery.Lifespan,
        FlowKind.Verification => o.Selfservice.Flows.Verification.Lifespan,
        _ => o.Selfservice.Flows.Settings.Lifespan,
    };
}
