namespace Custos.SelfService.Flows.Registration;

/// <summary>Kratos's registration routes on the public listener.</summary>
internal static class RegistrationEndpoints
{
    public static void MapRegistrationEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/registration/browser", (HttpContext c, RegistrationFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Browser, ct)).WithName("createBrowserRegistrationFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/registration/api", (HttpContext c, RegistrationFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Api, ct)).WithName("createNativeRegistrationFlow");
        selfService.MapGet("/registration/flows", (HttpContext c, RegistrationFlowService s, CancellationToken ct) => s.GetAsync(c, ct)).WithName("getRegistrationFlow");
        selfService.MapMethods("/registration", ["POST", "GET"], (HttpContext c, RegistrationFlowService s, CancellationToken ct) => s.SubmitAsync(c, ct)).WithName("updateRegistrationFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
