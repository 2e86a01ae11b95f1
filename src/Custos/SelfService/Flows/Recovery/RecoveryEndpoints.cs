using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>Kratos's recovery routes on the public listener.</summary>
internal static class RecoveryEndpoints
{
    public static void MapRecoveryEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/recovery/browser", (HttpContext c, FlowBinder b, RecoveryFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Browser, ct), ct))
            .WithName("createBrowserRecoveryFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/recovery/api", (HttpContext c, FlowBinder b, RecoveryFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Api, ct), ct))
            .WithName("createNativeRecoveryFlow");
        selfService.MapGet("/recovery/flows", (HttpContext c, FlowBinder b, RecoveryFlowService s, CancellationToken ct) => b.ReadFlowAsync<RecoveryFlow>(c, s.Binding, (r, f) => s.GetAsync(r, f, ct), ct))
            .WithName("getRecoveryFlow");
        selfService.MapMethods("/recovery", ["POST", "GET"], (HttpContext c, FlowBinder b, RecoveryFlowService s, CancellationToken ct) => b.SubmitAsync<RecoveryFlow>(c, s.Binding, x => s.SubmitAsync(x, ct), ct))
            .WithName("updateRecoveryFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
