using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Csrf;
using Custos.Ui.Api;
using Custos.Ui.Rendering;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Pages;

/// <summary>
/// The flow pages (<c>/ui/login</c>, <c>/ui/registration</c>, ...): without <c>?flow=</c> they start a browser flow,
/// with it they fetch the flow from the public API (with the browser's cookies) and render its nodes. A flow that is
/// gone or expired is restarted, as Kratos's reference UI does.
/// </summary>
internal sealed class FlowPages(PublicApi api, IOptionsMonitor<CustosOptions> options, CsrfCookie csrf, ErrorPages errors)
{
    public async Task<IResult> ShowAsync(HttpContext context, FlowPageKind kind, CancellationToken ct)
    {
        var site = UiSite.From(options.CurrentValue);
        var flowId = context.Request.Query["flow"].FirstOrDefault();
        if (string.IsNullOrEmpty(flowId))
        {
            return Results.Redirect(InitUrl(site, kind, context.Request.Query));
        }

        var call = ApiCall.Get(kind.GetOperation, $"/self-service/{kind.Segment}/flows", QueryString.Create("id", flowId));
        var response = await api.SendAsync(context, call, ct);
        if (response is { IsSuccess: true, Body: JsonObject flow })
        {
            return Render(context, site, kind, flow);
        }

        return Recover(site, kind, response);
    }

    /// <summary>Where a failed flow fetch sends the browser: where the API says, to the replacement flow, to a new flow, or to an error page.</summary>
    private IResult Recover(UiSite site, FlowPageKind kind, ApiResponse response)
    {
        if (response.IsRedirect)
        {
            return Results.Redirect(response.Location!);
        }

        if (response.Field("redirect_browser_to") is { } redirect && NodeRenderer.IsSafeUrl(redirect))
        {
            return Results.Redirect(redirect);
        }

        if (response.ErrorId == "self_service_flow_expired" && response.Field("use_flow_id") is { } replacement && Guid.TryParse(replacement, out var id))
        {
            return Results.Redirect(site.Page(kind.Page) + "?flow=" + id.ToString("D"));
        }

        // Unknown, malformed or foreign flow ids, and a settings page without a session: start over. A CSRF failure is
        // shown instead, since restarting would loop while the browser drops the cookie.
        var restart = response.Status is 400 or 401 or 404 or 410 || response.ErrorId == "security_identity_mismatch";
        return restart && response.ErrorId != "security_csrf_violation"
            ? Results.Redirect(InitUrl(site, kind, QueryCollection.Empty))
            : errors.RenderEnvelope(site, response);
    }

    private UiHtmlResult Render(HttpContext context, UiSite site, FlowPageKind kind, JsonObject flow)
    {
        var main = new Html();
        var page = new UiPage
        {
            Title = Title(kind, flow),
            Main = main,
            // The second-factor and refresh logins belong to a signed-in browser, which may rather sign out.
            SignOutCsrfToken = kind == FlowPageKind.Settings || BoundToSession(kind, flow) ? csrf.MaskedToken(context) : null,
        };
        main.Element("p", Intro(kind, flow), ("class", "intro"));
        FlowForms.Render(main, flow, new NodeRenderer(page), kind.FormPerGroup, kind.GroupCaptions);
        Links(main, site, kind, flow);
        return PageShell.Render(site, page);
    }

    private static string Title(FlowPageKind kind, JsonObject flow)
    {
        if (kind != FlowPageKind.Login)
        {
            return kind.Title;
        }

        return NodeJson.Str(flow["requested_aal"]) == "aal2" ? "Second factor"
            : NodeJson.Bool(flow["refresh"]) ? "Confirm it's you"
            : kind.Title;
    }

    private static string Intro(FlowPageKind kind, JsonObject flow)
    {
        if (kind != FlowPageKind.Login)
        {
            return kind.Intro;
        }

        return NodeJson.Str(flow["requested_aal"]) == "aal2" ? "Your account is protected by a second factor. Use it to finish signing in."
            : NodeJson.Bool(flow["refresh"]) ? "Sign in again to continue."
            : kind.Intro;
    }

    private static bool BoundToSession(FlowPageKind kind, JsonObject flow) =>
        kind == FlowPageKind.Login && (NodeJson.Str(flow["requested_aal"]) == "aal2" || NodeJson.Bool(flow["refresh"]));

    private static void Links(Html h, UiSite site, FlowPageKind kind, JsonObject flow)
    {
        var returnTo = NodeJson.Str(flow["return_to"]);
        string Keep(string page) => returnTo is null ? site.Page(page) : QueryHelpers.AddQueryString(site.Page(page), "return_to", returnTo);
        h.Open("nav", ("class", "flow-links"), ("aria-label", "Other options"));
        if (BoundToSession(kind, flow))
        {
            // A second factor cannot be skipped: the way out is the header's "Sign out".
            if (NodeJson.Bool(flow["refresh"]))
            {
                h.Open("p").Element("a", "Back to your account", ("href", site.Page("welcome"))).Close("p");
            }
        }
        else if (kind == FlowPageKind.Login)
        {
            if (site.RegistrationEnabled)
            {
                h.Open("p").Text("No account yet? ").Element("a", "Create an account", ("href", Keep("registration"))).Close("p");
            }

            if (site.RecoveryEnabled)
            {
                h.Open("p").Element("a", "Forgot your password?", ("href", Keep("recovery"))).Close("p");
            }
        }
        else if (kind == FlowPageKind.Settings)
        {
            h.Open("p").Element("a", "Back to your account", ("href", site.Page("welcome"))).Close("p");
        }
        else
        {
            h.Open("p").Text(kind == FlowPageKind.Registration ? "Already have an account? " : "")
                .Element("a", kind == FlowPageKind.Registration ? "Sign in" : "Back to sign in", ("href", Keep("login"))).Close("p");
        }

        h.Close("nav");
    }

    /// <summary><c>/self-service/{flow}/browser</c> on the public base URL, keeping the init parameters of the page's query.</summary>
    public static string InitUrl(UiSite site, FlowPageKind kind, IQueryCollection query)
    {
        var url = site.PublicUrl($"/self-service/{kind.Segment}/browser");
        foreach (var key in FlowPageKind.InitParameters)
        {
            if (query[key].FirstOrDefault() is { Length: > 0 } value)
            {
                url = FlowUrls.WithQuery(url, key, value);
            }
        }

        return url;
    }
}
