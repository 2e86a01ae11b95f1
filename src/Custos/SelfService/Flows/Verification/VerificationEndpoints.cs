using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Verification;

/// <summary>Kratos's verification routes on the public listener.</summary>
internal static class VerificationEndpoints
{
    public static void MapVerificationEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/verification/browser", (HttpContext c, FlowBinder b, VerificationFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Browser, ct), ct))
            .WithName("createBrowserVerificationFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/verification/api", (HttpContext c, FlowBinder b, VerificationFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Api, ct), ct))
            .WithName("createNativeVerificationFlow");
        selfService.MapGet("/verification/flows", (HttpContext c, FlowBinder b, VerificationFlowService s, CancellationToken ct) => b.ReadFlowAsync<VerificationFlow>(c, s.Binding, (_, f) => s.GetAsync(f), ct))
            .WithName("getVerificationFlow");
        selfService.MapMethods("/verification", ["POST", "GET"], (HttpContext c, FlowBinder b, VerificationFlowService s, CancellationToken ct) => b.SubmitAsync<VerificationFlow>(c, s.Binding, x => s.SubmitAsync(x, ct), ct))
            .WithName("updateVerificationFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
