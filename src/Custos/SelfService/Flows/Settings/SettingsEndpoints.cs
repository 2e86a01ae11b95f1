using Custos.Config;
using Custos.SelfService.Flows.Submit;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Kratos's settings routes on the public listener.</summary>
internal static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/settings/browser", (HttpContext c, FlowBinder b, SettingsFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Browser, ct), ct))
            .WithName("createBrowserSettingsFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/settings/api", (HttpContext c, FlowBinder b, SettingsFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.CreateAsync(r, FlowTypes.Api, ct), ct))
            .WithName("createNativeSettingsFlow");
        // Not ReadFlowAsync: a settings flow is read with the session (checked before the flow is loaded), not the CSRF cookie.
        selfService.MapGet("/settings/flows", (HttpContext c, FlowBinder b, SettingsFlowService s, CancellationToken ct) => b.RunAsync(c, r => s.GetAsync(r, ct), ct))
            .WithName("getSettingsFlow");
        selfService.MapMethods("/settings", ["POST", "GET"], (HttpContext c, FlowBinder b, SettingsFlowService s, CancellationToken ct) => b.SubmitAsync<SettingsFlow>(c, s.Binding, x => s.SubmitAsync(x, ct), ct))
            .WithName("updateSettingsFlow").AddEndpointFilter<BrowserErrorFilter>();
    }

    /// <summary>
    /// The W3C "change password URL" (<c>/.well-known/change-password</c>): password managers follow its 303 to the
    /// settings UI (the built-in page unless <c>selfservice.flows.settings.ui_url</c> is set).
    /// </summary>
    public static void MapWellKnownChangePassword(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/.well-known/change-password", (IOptionsMonitor<CustosOptions> options) =>
                FlowResponder.Redirect(options.CurrentValue.Selfservice.Flows.Settings.UiUrl))
            .WithName("getWellKnownChangePassword");
}
