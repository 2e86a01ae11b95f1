using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Ui.Api;
using Custos.Ui.Rendering;
using Microsoft.Extensions.Options;

namespace Custos.Ui.Pages;

/// <summary><c>/ui/error?id=</c>: a stored self-service error (<c>getFlowError</c>), and any API error a page cannot recover from.</summary>
internal sealed class ErrorPages(PublicApi api, IOptionsMonitor<CustosOptions> options)
{
    public async Task<IResult> ShowAsync(HttpContext context, CancellationToken ct)
    {
        var site = UiSite.From(options.CurrentValue);
        var id = context.Request.Query["id"].FirstOrDefault();
        if (string.IsNullOrEmpty(id))
        {
            return Render(site, StatusCodes.Status404NotFound, null, "No error to show", "This page shows errors of sign-in and account flows; none was named.");
        }

        var response = await api.SendAsync(context, ApiCall.Get("getFlowError", "/self-service/errors", QueryString.Create("id", id)), ct);
        if (response is { IsSuccess: true, Body: JsonObject stored } && stored["error"] is JsonObject error)
        {
            // The stored error is what the failed request answered; this page itself is fine.
            return Render(site, StatusCodes.Status200OK, error);
        }

        return Render(site, StatusCodes.Status404NotFound, null, "Error not found", "The error you are looking for does not exist or has expired.");
    }

    /// <summary>An error envelope from the API as a page with the error's status code.</summary>
    public UiHtmlResult RenderEnvelope(UiSite site, ApiResponse response) =>
        Render(site, response.Status is >= 400 and < 600 ? response.Status : StatusCodes.Status500InternalServerError, response.Error);

    private static UiHtmlResult Render(UiSite site, int status, JsonObject? error, string? title = null, string? fallback = null)
    {
        var main = new Html();
        var message = NodeJson.Str(error?["message"]) ?? fallback ?? "Something went wrong.";
        var reason = NodeJson.Str(error?["reason"]);
        main.Open("div", ("class", "messages"), ("role", "alert"));
        main.Element("p", message, ("class", "message message-error"), ("data-error-id", NodeJson.Str(error?["id"])));
        main.Close("div");
        if (!string.IsNullOrEmpty(reason) && reason != message)
        {
            main.Element("p", reason, ("class", "reason"));
        }

        if (error is not null)
        {
            main.Open("dl", ("class", "details"));
            Detail(main, "Status", $"{NodeJson.Int(error["code"])} {NodeJson.Str(error["status"])}".Trim());
            Detail(main, "Error", NodeJson.Str(error["id"]));
            main.Close("dl");
        }

        main.Open("nav", ("class", "flow-links"), ("aria-label", "Next steps"));
        main.Element("a", "Sign in", ("href", site.Page("login")), ("class", "button primary"));
        main.Element("a", "Go to your account", ("href", site.Page("welcome")), ("class", "button secondary"));
        main.Close("nav");
        return PageShell.Render(site, new UiPage { Title = title ?? "Something went wrong", Main = main, Status = status });
    }

    private static void Detail(Html h, string term, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            h.Element("dt", term).Element("dd", value);
        }
    }
}
