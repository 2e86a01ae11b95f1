namespace Custos.Ui.Rendering;

/// <summary>The frame around every page: document head, header with the product name, navigation and footer.</summary>
internal static class PageShell
{
    public static UiHtmlResult Render(UiSite site, UiPage page)
    {
        var h = new Html().Raw("<!doctype html>");
        h.Open("html", ("lang", "en")).Open("head")
            .Void("meta", ("charset", "utf-8"))
            .Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"))
            .Void("meta", ("name", "referrer"), ("content", "no-referrer"))
            .Element("title", $"{page.Title} · {site.ProductName}")
            .Void("link", ("rel", "stylesheet"), ("href", site.Asset("custos.css")))
            .Void("link", ("rel", "stylesheet"), ("href", site.Asset("theme.css")))
            .Void("link", ("rel", "icon"), ("href", site.Asset("logo.svg")), ("type", "image/svg+xml"))
            .Close("head");
        h.Open("body").Element("a", "Skip to content", ("class", "skip-link"), ("href", "#main"));
        Header(h, site, page);
        h.Open("main", ("id", "main"), ("class", page.Wide ? "card wide" : "card"));
        h.Element("h1", page.Title);
        h.Raw(page.Main.ToString());
        h.Close("main");
        Footer(h, site);
        if (page.NeedsTriggers)
        {
            h.Element("script", null, ("src", site.Asset("ui.js")));
        }

        h.Raw(page.Scripts.ToString());
        h.Close("body").Close("html");
        return new UiHtmlResult(h.ToString(), page.Status, page.ScriptNonces, page.FramesSelf);
    }

    private static void Header(Html h, UiSite site, UiPage page)
    {
        h.Open("header", ("class", "topbar")).Open("a", ("class", "brand"), ("href", site.Page("welcome")));
        h.Void("img", ("src", string.IsNullOrEmpty(site.LogoUrl) ? site.Asset("logo.svg") : site.LogoUrl), ("alt", ""), ("width", "28"), ("height", "28"));
        h.Element("span", site.ProductName).Close("a");
        if (page.SignOutCsrfToken is { } csrf)
        {
            h.Open("nav", ("aria-label", "Account"));
            h.Element("a", "Home", ("href", site.Page("welcome")));
            h.Element("a", "Settings", ("href", site.Page("settings")));
            h.Open("form", ("method", "post"), ("action", site.Page("logout")), ("class", "inline"));
            h.Void("input", ("type", "hidden"), ("name", "csrf_token"), ("value", csrf));
            h.Element("button", "Sign out", ("type", "submit"), ("class", "link-button"), ("data-testid", "sign-out"));
            h.Close("form").Close("nav");
        }

        h.Close("header");
    }

    private static void Footer(Html h, UiSite site)
    {
        h.Open("footer", ("class", "footer"));
        h.Element("span", site.ProductName == "Custos" ? "Custos identity server" : $"{site.ProductName} · powered by Custos");
        if (site.Dev)
        {
            h.Element("a", "Dev mailbox", ("href", site.Page("dev/mailbox")));
        }

        h.Close("footer");
    }
}
