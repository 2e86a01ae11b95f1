namespace Custos.SelfService.Flows.Verification;

/// <summary>Kratos's verification routes on the public listener.</summary>
internal static class VerificationEndpoints
{
    public static void MapVerificationEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/verification/browser", (HttpContext c, VerificationFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Browser, ct)).WithName("createBrowserVerificationFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/verification/api", (HttpContext c, VerificationFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Api, ct)).WithName("createNativeVerificationFlow");
        selfService.MapGet("/verification/flows", (HttpContext c, VerificationFlowService s, CancellationToken ct) => s.GetAsync(c, ct)).WithName("getVerificationFlow");
        selfService.MapMethods("/verification", ["POST", "GET"], (HttpContext c, VerificationFlowService s, CancellationToken ct) => s.SubmitAsync(c, ct)).WithName("updateVerificationFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
