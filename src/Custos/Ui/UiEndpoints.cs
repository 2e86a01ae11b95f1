using Custos.Ui.Assets;
using Custos.Ui.Pages;
using Custos.Ui.Security;

namespace Custos.Ui;

/// <summary>The built-in UI's routes under <c>/ui/</c>; the admin listener never serves them (its paths live under <c>/admin</c>).</summary>
internal static class UiEndpoints
{
    public static IEndpointRouteBuilder MapSelfServiceUi(this IEndpointRouteBuilder endpoints)
    {
        var ui = endpoints.MapGroup("/ui").AddEndpointFilter<UiSecurityHeadersFilter>();
        ui.MapGet("/", (HttpContext c) => Results.Redirect(c.Request.PathBase + "/ui/welcome"));
        foreach (var kind in FlowPageKind.All)
        {
            ui.MapGet("/" + kind.Page, (HttpContext c, FlowPages pages, CancellationToken ct) => pages.ShowAsync(c, kind, ct));
        }

        ui.MapGet("/error", (HttpContext c, ErrorPages pages, CancellationToken ct) => pages.ShowAsync(c, ct));
        ui.MapGet("/welcome", (HttpContext c, WelcomePage page, CancellationToken ct) => page.ShowAsync(c, ct));
        ui.MapPost("/sessions/revoke", (HttpContext c, SessionActions actions, CancellationToken ct) => actions.RevokeAsync(c, ct));
        ui.MapPost("/sessions/revoke-others", (HttpContext c, SessionActions actions, CancellationToken ct) => actions.RevokeOthersAsync(c, ct));
        ui.MapPost("/logout", (HttpContext c, SessionActions actions, CancellationToken ct) => actions.LogoutAsync(c, ct));
        ui.MapGet("/dev/mailbox", (MailboxPage page, CancellationToken ct) => page.ShowAsync(ct));
        ui.MapGet("/dev/mailbox/{id:guid}/html", (Guid id, MailboxPage page, CancellationToken ct) => page.HtmlBodyAsync(id, ct));
        ui.MapGet("/assets/{name}", (string name, UiAssets assets) => assets.Get(name));
        return endpoints;
    }
}
