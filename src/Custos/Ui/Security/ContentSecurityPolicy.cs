using System.Text.RegularExpressions;
using Custos.Config;

namespace Custos.Ui.Security;

/// <summary>
/// The <c>Content-Security-Policy</c> of the UI pages: nothing but this origin's styles, images and scripts (plus the
/// nonces of a flow's script nodes), no framing, and form posts only to targets a flow can lead to.
/// </summary>
internal static partial class ContentSecurityPolicy
{
    /// <summary>
    /// The policy for a page. <c>form-action</c> also governs the redirects that follow a form post in Chromium, so it
    /// lists every place a submitted flow may send the browser: the public base URL, the UI URLs, the return URLs and,
    /// with OIDC enabled, each configured provider's sign-in origin (<see cref="OidcFormTargets"/>).
    /// </summary>
    /// <param name="framesSelf">
    /// The page embeds documents of this origin (the dev mailbox's sandboxed mail bodies): <c>frame-src 'self'</c>.
    /// Everything else stays as strict, since a framed document brings its own policy.
    /// </param>
    public static string Build(CustosOptions o, IReadOnlyCollection<string> scriptNonces, bool framesSelf = false)
    {
        var scripts = "'self'" + string.Concat(scriptNonces.Where(IsNonce).Select(n => $" 'nonce-{n}'"));
        var images = "'self' data:" + Sources(o.Ui.LogoUrl);
        var frames = framesSelf ? "frame-src 'self'; " : "";
        return $"default-src 'none'; script-src {scripts}; style-src 'self'; img-src {images}; connect-src 'self'; {frames}"
            + $"form-action {FormAction(o)}; frame-ancestors 'none'; base-uri 'none'";
    }

    /// <summary>
    /// The policy of a sandboxed document (a mail's HTML body): an opaque origin without scripts, forms or plugins even
    /// when opened directly; its inline styles and images apply; only pages of this origin may frame it; links open
    /// in a new, unsandboxed tab.
    /// </summary>
    public const string SandboxedDocument =
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; "
        + "form-action 'none'; frame-ancestors 'self'; base-uri 'none'";

    private static string FormAction(CustosOptions o)
    {
        var s = o.Selfservice;
        var f = s.Flows;
        string?[] targets =
        [
            o.Serve.Public.EffectiveBaseUrl(o.Dev), s.DefaultBrowserReturnUrl,
            f.Login.UiUrl, f.Registration.UiUrl, f.Settings.UiUrl, f.Recovery.UiUrl, f.Verification.UiUrl, f.Error.UiUrl,
            f.Login.After.DefaultBrowserReturnUrl, f.Registration.After.DefaultBrowserReturnUrl, f.Settings.After.DefaultBrowserReturnUrl,
            f.Recovery.After.DefaultBrowserReturnUrl, f.Verification.After.DefaultBrowserReturnUrl, f.Logout.After.DefaultBrowserReturnUrl,
            .. s.AllowedReturnUrls,
        ];
        var sources = new SortedSet<string>(OidcFormTargets.Origins(o), StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (Origin(target) is { } origin)
            {
                sources.Add(origin);
            }
        }

        return "'self'" + string.Concat(sources.Select(x => " " + x));
    }

    private static string Sources(string? url) => Origin(url) is { } origin ? " " + origin : "";

    /// <summary><c>scheme://host[:port]</c> of an absolute http(s) URL (a <c>*.</c> wildcard host allowed), or null; never anything that could break the header.</summary>
    internal static string? Origin(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        var match = OriginPattern().Match(url);
        return match.Success ? match.Groups[1].Value.ToLowerInvariant() : null;
    }

    private static bool IsNonce(string nonce) => NoncePattern().IsMatch(nonce);

    [GeneratedRegex(@"^(https?://(?:\*\.)?[A-Za-z0-9.-]+(?::[0-9]{1,5})?)(?:[/?#]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex OriginPattern();

    [GeneratedRegex("^[A-Za-z0-9+/=_-]{8,128}$")]
    private static partial Regex NoncePattern();
}
