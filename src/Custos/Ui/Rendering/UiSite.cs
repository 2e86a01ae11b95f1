using Custos.Config;

namespace Custos.Ui.Rendering;

/// <summary>
/// Where the built-in UI lives and what it shows for one request: the product name and logo from <c>ui.*</c>, the
/// pages' root-relative paths (under the public base URL's path) and absolute URLs of the public API.
/// </summary>
internal sealed record UiSite(string ProductName, string? LogoUrl, string BasePath, string PublicBaseUrl, bool Dev)
{
    public bool RegistrationEnabled { get; init; } = true;

    public bool RecoveryEnabled { get; init; }

    public bool VerificationEnabled { get; init; }

    public static UiSite From(CustosOptions o)
    {
        var publicBase = o.Serve.Public.EffectiveBaseUrl(o.Dev);
        var basePath = Uri.TryCreate(publicBase, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
        var flows = o.Selfservice.Flows;
        return new UiSite(string.IsNullOrWhiteSpace(o.Ui.ProductName) ? "Custos" : o.Ui.ProductName, SafeLogo(o.Ui.LogoUrl), basePath.EndsWith('/') ? basePath : basePath + "/", publicBase, o.Dev)
        {
            RegistrationEnabled = flows.Registration.Enabled,
            RecoveryEnabled = flows.Recovery.Enabled,
            VerificationEnabled = flows.Verification.Enabled,
        };
    }

    /// <summary>Only an http(s) URL or a path on this origin becomes an image source.</summary>
    private static string? SafeLogo(string? url) =>
        url is not null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))) ? url : null;

    /// <summary>The root-relative path of a page, e.g. <c>/ui/login</c>.</summary>
    public string Page(string name) => BasePath + "ui/" + name;

    public string Asset(string name) => BasePath + "ui/assets/" + name;

    /// <summary>An absolute URL of the public API, e.g. <c>https://auth.example.com/self-service/login/browser</c>.</summary>
    public string PublicUrl(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
