using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Flows.Csrf;
using Custos.Ui.Api;
using Custos.Ui.Rendering;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Pages;

/// <summary>
/// <c>/ui/welcome</c>, the signed-in home: who is signed in (whoami), this session, the other active sessions with a
/// revoke button each (CSRF-protected form posts), and links to settings and sign-out.
/// </summary>
internal sealed class WelcomePage(PublicApi api, IOptionsMonitor<CustosOptions> options, CsrfCookie csrf, ErrorPages errors)
{
    public async Task<IResult> ShowAsync(HttpContext context, CancellationToken ct)
    {
        var site = UiSite.From(options.CurrentValue);
        var whoami = await api.SendAsync(context, ApiCall.Get("toSession", "/sessions/whoami", QueryString.Empty), ct);
        if (whoami.Status == StatusCodes.Status401Unauthorized)
        {
            return Results.Redirect(site.Page("login"));
        }

        if (whoami.Field("redirect_browser_to") is { } redirect && NodeRenderer.IsSafeUrl(redirect))
        {
            return Results.Redirect(redirect);
        }

        if (whoami is not { IsSuccess: true, Body: JsonObject session })
        {
            return errors.RenderEnvelope(site, whoami);
        }

        var others = await api.SendAsync(context, ApiCall.Get("listMySessions", "/sessions", QueryString.Create("page_size", "250")), ct);
        var token = csrf.MaskedToken(context);
        var main = new Html();
        Notice(main, context.Request.Query["notice"].FirstOrDefault());
        Identity(main, site, session);
        Sessions(main, site, session, NodeJson.Objects(others.Body).ToList(), token);
        return PageShell.Render(site, new UiPage { Title = "Your account", Main = main, SignOutCsrfToken = token, Wide = true });
    }

    private static void Notice(Html h, string? notice)
    {
        var text = notice switch
        {
            "revoked" => "The session was signed out.",
            "revoked-others" => "All other sessions were signed out.",
            _ => null,
        };
        if (text is not null)
        {
            h.Open("ul", ("class", "messages"), ("role", "status")).Element("li", text, ("class", "message message-success")).Close("ul");
        }
    }

    private static void Identity(Html h, UiSite site, JsonObject session)
    {
        var identity = session["identity"] as JsonObject;
        h.Open("p", ("class", "signed-in-as"), ("data-testid", "signed-in-as")).Text("Signed in as ")
            .Element("strong", SessionView.DisplayName(identity)).Close("p");
        h.Open("dl", ("class", "details"));
        if (SessionView.FullName(identity) is { } name)
        {
            h.Element("dt", "Name").Element("dd", name, ("data-testid", "name"));
        }

        foreach (var address in NodeJson.Objects(identity?["verifiable_addresses"]))
        {
            var verified = NodeJson.Bool(address["verified"]);
            h.Element("dt", "Email").Open("dd").Text(NodeJson.Str(address["value"]) + " ");
            h.Element("span", verified ? "verified" : "not verified", ("class", verified ? "badge badge-success" : "badge"), ("data-testid", "address-status"));
            if (!verified && site.VerificationEnabled)
            {
                h.Text(" ").Element("a", "Verify", ("href", site.Page("verification")));
            }

            h.Close("dd");
        }

        h.Element("dt", "Signed in").Element("dd", SessionView.Time(session["authenticated_at"]));
        h.Element("dt", "Session expires").Element("dd", SessionView.Time(session["expires_at"]));
        h.Element("dt", "Methods").Element("dd", $"{SessionView.Methods(session)} ({NodeJson.Str(session["authenticator_assurance_level"])})");
        h.Element("dt", "Identity ID").Open("dd").Element("code", NodeJson.Str(identity?["id"])).Close("dd");
        h.Close("dl");
        h.Open("p", ("class", "actions")).Element("a", "Account settings", ("href", site.Page("settings")), ("class", "button primary")).Close("p");
    }

    private static void Sessions(Html h, UiSite site, JsonObject current, List<JsonObject> others, string csrfToken)
    {
        h.Element("h2", "Active sessions", ("id", "sessions-title"));
        h.Open("ul", ("class", "sessions"), ("aria-labelledby", "sessions-title"));
        h.Open("li", ("class", "session current")).Open("div").Element("strong", SessionView.Device(current))
            .Element("span", "This device · since " + SessionView.Time(current["authenticated_at"]), ("class", "muted")).Close("div").Close("li");
        foreach (var session in others)
        {
            var id = NodeJson.Str(session["id"]);
            h.Open("li", ("class", "session"), ("data-testid", "other-session")).Open("div").Element("strong", SessionView.Device(session))
                .Element("span", "Since " + SessionView.Time(session["authenticated_at"]), ("class", "muted")).Close("div");
            h.Open("form", ("method", "post"), ("action", site.Page("sessions/revoke")));
            h.Void("input", ("type", "hidden"), ("name", "csrf_token"), ("value", csrfToken));
            h.Void("input", ("type", "hidden"), ("name", "session_id"), ("value", id));
            h.Element("button", "Revoke", ("type", "submit"), ("class", "button secondary small"), ("aria-label", "Revoke session " + SessionView.Device(session)));
            h.Close("form").Close("li");
        }

        h.Close("ul");
        if (others.Count > 0)
        {
            h.Open("form", ("method", "post"), ("action", site.Page("sessions/revoke-others")));
            h.Void("input", ("type", "hidden"), ("name", "csrf_token"), ("value", csrfToken));
            h.Element("button", "Sign out all other sessions", ("type", "submit"), ("class", "button secondary"));
            h.Close("form");
        }
        else
        {
            h.Element("p", "No other active sessions.", ("class", "muted"));
        }
    }
}
