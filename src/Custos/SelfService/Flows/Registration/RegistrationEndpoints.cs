using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Registration;

/// <summary>Kratos's registration routes on the public listener.</summary>
internal static class RegistrationEndpoints
{
    public static void MapRegistrationEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/registration/browser", (HttpContext c, FlowBinder b, RegistrationFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Browser, ct), ct))
            .WithName("createBrowserRegistrationFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/registration/api", (HttpContext c, FlowBinder b, RegistrationFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Api, ct), ct))
            .WithName("createNativeRegistrationFlow");
        selfService.MapGet("/registration/flows", (HttpContext c, FlowBinder b, RegistrationFlowService s, CancellationToken ct) =>
        {
            // A disabled registration is refused before the flow is looked up, as in Kratos.
            s.EnsureEnabled();
            return b.ReadFlowAsync<RegistrationFlow>(c, RegistrationFlowService.NotFound, (_, f) => s.GetAsync(f), ct);
        }).WithName("getRegistrationFlow");
        selfService.MapMethods("/registration", ["POST", "GET"], (HttpContext c, FlowBinder b, RegistrationFlowService s, CancellationToken ct) => b.SubmitAsync<RegistrationFlow>(c, s.Binding, x => s.SubmitAsync(x, ct), ct))
            .WithName("updateRegistrationFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
