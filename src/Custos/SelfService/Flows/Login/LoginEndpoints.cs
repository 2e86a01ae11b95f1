using Custos.SelfService.Flows.Submit;

namespace Custos.SelfService.Flows.Login;

/// <summary>Kratos's login routes on the public listener.</summary>
internal static class LoginEndpoints
{
    public static void MapLoginEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/login/browser", (HttpContext c, FlowBinder b, LoginFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Browser, ct), ct))
            .WithName("createBrowserLoginFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/login/api", (HttpContext c, FlowBinder b, LoginFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Api, ct), ct))
            .WithName("createNativeLoginFlow");
        selfService.MapGet("/login/flows", (HttpContext c, FlowBinder b, LoginFlowService s, CancellationToken ct) => b.ReadFlowAsync<LoginFlow>(c, LoginFlowService.Binding.NotFound, (_, f) => s.GetAsync(f), ct))
            .WithName("getLoginFlow");
        selfService.MapMethods("/login", ["POST", "GET"], (HttpContext c, FlowBinder b, LoginFlowService s, CancellationToken ct) => b.SubmitAsync<LoginFlow>(c, LoginFlowService.Binding, x => s.SubmitAsync(x, ct), ct))
            .WithName("updateLoginFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
