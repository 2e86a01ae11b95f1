using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.Settings;

/// <summary>Kratos's settings routes on the public listener.</summary>
internal static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this RouteGroupBuilder selfService)
    {
        selfService.MapGet("/settings/browser", (HttpContext c, SettingsFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Browser, ct)).WithName("createBrowserSettingsFlow").AddEndpointFilter<BrowserErrorFilter>();
        selfService.MapGet("/settings/api", (HttpContext c, SettingsFlowService s, CancellationToken ct) => s.CreateAsync(c, FlowTypes.Api, ct)).WithName("createNativeSettingsFlow");
        selfService.MapGet("/settings/flows", (HttpContext c, SettingsFlowService s, CancellationToken ct) => s.GetAsync(c, ct)).WithName("getSettingsFlow");
        selfService.MapMethods("/settings", ["POST", "GET"], (HttpContext c, SettingsFlowService s, CancellationToken ct) => s.SubmitAsync(c, ct)).WithName("updateSettingsFlow").AddEndpointFilter<BrowserErrorFilter>();
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
