namespace Custos.SelfService.Flows.Login;

/// <summary>Kratos's login routes on the public listener.</summary>
internal static class LoginEndpoints
{
    public static void MapLoginEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/login/browser", (HttpContext c, LoginFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Browser, ct)).WithName("createBrowserLoginFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/login/api", (HttpContext c, LoginFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Api, ct)).WithName("createNativeLoginFlow");
        selfService.MapGet("/login/flows", (HttpContext c, LoginFlowService s, CancellationToken ct) => s.GetAsync(c, ct)).WithName("getLoginFlow");
        selfService.MapMethods("/login", ["POST", "GET"], (HttpContext c, LoginFlowService s, CancellationToken ct) => s.SubmitAsync(c, ct)).WithName("updateLoginFlow").AddEndpointFilter<BrowserErrorFilter>();
    }
}
