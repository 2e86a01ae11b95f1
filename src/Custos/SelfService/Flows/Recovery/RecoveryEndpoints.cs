namespace Custos.SelfService.Flows.Recovery;

/// <summary>Kratos's recovery routes on the public listener.</summary>
internal static class RecoveryEndpoints
{
    public static void MapRecoveryEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/recovery/browser", (HttpContext c, RecoveryFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Browser, ct)).WithName("createBrowserRecoveryFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/recovery/api", (HttpContext c, RecoveryFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Api, ct)).WithName("createNativeRecoveryFlow");
        selfService.MapGet("/recovery/flows", (HttpContext c, RecoveryFlowService s, CancellationToken ct) => s.GetAsync(c, ct)).WithName("getRecoveryFlow");
        selfService.MapMethods("/recovery", ["POST", "GET"], (HttpContext c, RecoveryFlowService s, CancellationToken ct) => s.SubmitAsync(c, ct)).WithName("updateRecoveryFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
