namespace Custos.SelfService.Flows;

/// <summary>The self-service flows that are persisted, each with its table and route segment.</summary>
internal enum FlowKind
{
    Login,
    Registration,
    Settings,
    Recovery,
    Verification,
}
