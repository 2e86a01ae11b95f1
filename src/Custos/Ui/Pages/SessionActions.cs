using Custos.Config;
using Custos.Hosting;
using Custos.SelfService.Flows.Csrf;
using Custos.SelfService.Flows.Http;
using Custos.Ui.Api;
using Custos.Ui.Rendering;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Pages;

/// <summary>
/// The form posts of the signed-in pages: revoke one session, revoke all others, sign out. Each carries the masked
/// anti-CSRF token that must match the <c>csrf_token_*</c> cookie (the same double-submit check as flow submissions),
/// then calls the public API the way a UI would.
/// </summary>
internal sealed class SessionActions(PublicApi api, IOptionsMonitor<CustosOptions> options, CsrfCookie csrf, ErrorPages errors)
{
    public async Task<IResult> RevokeAsync(HttpContext context, CancellationToken ct)
    {
        var (site, form, rejected) = await ReadAsync(context, ct);
        if (rejected is not null)
        {
            return rejected;
        }

        var id = form["session_id"].FirstOrDefault() ?? "";
        var call = new ApiCall("disableMySession", HttpMethods.Delete, "/sessions/" + Uri.EscapeDataString(id))
        {
            RouteValues = new Dictionary<string, string> { ["id"] = id },
        };
        return Done(site, await api.SendAsync(context, call, ct), "revoked");
    }

    public async Task<IResult> RevokeOthersAsync(HttpContext context, CancellationToken ct)
    {
        var (site, _, rejected) = await ReadAsync(context, ct);
        if (rejected is not null)
        {
            return rejected;
        }

        return Done(site, await api.SendAsync(context, new ApiCall("disableMySessions", HttpMethods.Delete, "/sessions"), ct), "revoked-others");
    }

    /// <summary>Kratos's two-step browser logout (create the logout URL, follow it) done server-side, so the logout token never appears in a page or URL.</summary>
    public async Task<IResult> LogoutAsync(HttpContext context, CancellationToken ct)
    {
        var (site, _, rejected) = await ReadAsync(context, ct);
        if (rejected is not null)
        {
            return rejected;
        }

        var created = await api.SendAsync(context, ApiCall.Get("createBrowserLogoutFlow", "/self-service/logout/browser", QueryString.Empty), ct);
        if (created.Status == StatusCodes.Status401Unauthorized)
        {
            return new SeeOtherResult(site.Page("login"));
        }

        var token = created.Field("logout_token");
        if (token is null)
        {
            return errors.RenderEnvelope(site, created);
        }

        var logout = ApiCall.Get("updateLogoutFlow", "/self-service/logout", QueryString.Create("token", token)) with { Json = false };
        var done = await api.SendAsync(context, logout, ct);
        return done.IsRedirect ? new SeeOtherResult(done.Location!) : new SeeOtherResult(site.Page("login"));
    }

    private async Task<(UiSite Site, IFormCollection Form, IResult? Rejected)> ReadAsync(HttpContext context, CancellationToken ct)
    {
        var site = UiSite.From(options.CurrentValue);
        IFormCollection form;
        try
        {
            form = context.Request.HasFormContentType ? await FlowPayloadReader.ReadFormAsync(context.Request, ct) : FormCollection.Empty;
        }
        catch (CustosException e) when (e.Code == StatusCodes.Status400BadRequest)
        {
            return (site, FormCollection.Empty, errors.RenderEnvelope(site, ApiResponse.FromException(KratosErrors.BadRequest("The form body could not be decoded."))));
        }

        if (!csrf.Matches(context.Request, form["csrf_token"].FirstOrDefault()))
        {
            var error = CsrfErrors.ForRequest(context.Request, csrf.Name, tokenSent: !string.IsNullOrEmpty(form["csrf_token"].FirstOrDefault()));
            return (site, form, errors.RenderEnvelope(site, ApiResponse.FromException(error)));
        }

        return (site, form, null);
    }

    private IResult Done(UiSite site, ApiResponse response, string notice)
    {
        if (response.Status == StatusCodes.Status401Unauthorized)
        {
            return new SeeOtherResult(site.Page("login"));
        }

        return response.IsSuccess
            ? new SeeOtherResult(site.Page("welcome") + "?notice=" + notice)
            : errors.RenderEnvelope(site, response);
    }
}
