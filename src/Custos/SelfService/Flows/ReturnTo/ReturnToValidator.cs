using System.Text.RegularExpressions;
using Custos.Config;
using Custos.Hosting;
using Custos.Schema.Validation;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Flows.ReturnTo;

/// <summary>
/// Validates <c>return_to</c> against <c>selfservice.allowed_return_urls</c> plus <c>{public}/self-service</c>, as Kratos
/// does: a relative URL takes the scheme and host of the default return URL; a match needs the same scheme, the same
/// host (or a <c>*.example.com</c> suffix) and port, and a path under the entry's path. Stricter than Kratos where its
/// Go URL parser is lenient, because browsers are lenient too: backslashes, whitespace, control characters (raw or
/// percent-encoded), encoded dots, user-info and scheme-relative opaque forms are refused, and dot segments are
/// resolved before the path check.
/// </summary>
internal sealed partial class ReturnToValidator(IOptionsMonitor<CustosOptions> options)
{
    public const string ForbiddenId = "self_service_flow_return_to_forbidden";

    /// <summary>Validates against <c>selfservice.default_browser_return_url</c>; null when <paramref name="returnTo"/> is empty.</summary>
    /// <exception cref="CustosException">400 <c>self_service_flow_return_to_forbidden</c> when not allowed.</exception>
    public Uri? Validate(string? returnTo) => Validate(returnTo, options.CurrentValue.Selfservice.DefaultBrowserReturnUrl);

    /// <summary>As <see cref="Validate(string?)"/>, resolving relative values against <paramref name="defaultReturnUrl"/>.</summary>
    public Uri? Validate(string? returnTo, string? defaultReturnUrl)
    {
        if (string.IsNullOrEmpty(returnTo))
        {
            return null;
        }

        var candidate = Resolve(returnTo, defaultReturnUrl);
        if (candidate is null || !AllowList().Any(entry => entry.Matches(candidate)))
        {
            throw Forbidden(candidate?.AbsoluteUri ?? returnTo);
        }

        return candidate;
    }

    /// <summary>True when <paramref name="returnTo"/> is present and allowed.</summary>
    public bool IsAllowed(string? returnTo, string? defaultReturnUrl = null)
    {
        var candidate = string.IsNullOrEmpty(returnTo)
            ? null
            : Resolve(returnTo, defaultReturnUrl ?? options.CurrentValue.Selfservice.DefaultBrowserReturnUrl);
        return candidate is not null && AllowList().Any(entry => entry.Matches(candidate));
    }

    /// <summary>
    /// Where to send the browser after a flow: the validated <paramref name="returnTo"/>, else the first non-empty
    /// <paramref name="fallbacks"/> (e.g. the per-method and per-flow <c>default_browser_return_url</c>), else
    /// <c>selfservice.default_browser_return_url</c>.
    /// </summary>
    public string ReturnOrDefault(string? returnTo, params string?[] fallbacks)
    {
        var fallback = fallbacks.FirstOrDefault(f => !string.IsNullOrEmpty(f)) ?? options.CurrentValue.Selfservice.DefaultBrowserReturnUrl;
        return Validate(returnTo, fallback)?.AbsoluteUri ?? fallback;
    }

    /// <summary>The <c>return_to</c> query parameter of a flow's <c>request_url</c>, or null.</summary>
    public static string? FromRequestUrl(string? requestUrl)
    {
        if (string.IsNullOrEmpty(requestUrl) || !Uri.TryCreate(requestUrl, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var value = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).GetValueOrDefault("return_to").ToString();
        return value.Length == 0 ? null : value;
    }

    public static CustosException Forbidden(string returnTo) =>
        KratosErrors.BadRequest($"Requested return_to URL {GoText.Quote(returnTo)} is not allowed.", ForbiddenId);

    /// <summary>The configured entries (unsafe wildcards dropped unless <c>feature_flags.legacy_allow_insecure_origins</c>) plus <c>{public}/self-service</c>.</summary>
    public IReadOnlyList<AllowedReturnUrl> AllowList()
    {
        var current = options.CurrentValue;
        var list = new List<AllowedReturnUrl>();
        foreach (var raw in current.Selfservice.AllowedReturnUrls)
        {
            if (AllowedReturnUrl.Parse(raw) is { } entry
                && (current.FeatureFlags.LegacyAllowInsecureOrigins || !WildcardHost.IsUnsafe(entry.Host)))
            {
                list.Add(entry);
            }
        }

        var selfService = current.Serve.Public.EffectiveBaseUrl(current.Dev).TrimEnd('/') + "/self-service";
        if (AllowedReturnUrl.Parse(selfService) is { } own)
        {
            list.Add(own);
        }

        return list;
    }

    // An absolute URL with an authority, a scheme-relative "//host/..." or an absolute path "/..."; anything else is refused.
    private static Uri? Resolve(string returnTo, string? defaultReturnUrl)
    {
        if (returnTo.Any(c => c <= ' ' || c == '\\' || c == 0x7f) || EncodedControl().IsMatch(returnTo) || EncodedDotOrBackslash().IsMatch(PathPart(returnTo)))
        {
            return null;
        }

        string absolute;
        if (returnTo.StartsWith("//", StringComparison.Ordinal) || (returnTo.StartsWith('/')))
        {
            if (!Uri.TryCreate(defaultReturnUrl, UriKind.Absolute, out var fallback) || fallback.IsFile || fallback.IsUnc)
            {
                return null;
            }

            absolute = returnTo.StartsWith("//", StringComparison.Ordinal)
                ? fallback.Scheme + ":" + returnTo
                : fallback.GetLeftPart(UriPartial.Authority) + returnTo;
        }
        else if (SchemeWithAuthority().IsMatch(returnTo))
        {
            absolute = returnTo;
        }
        else
        {
            return null;
        }

        if (!Uri.TryCreate(absolute, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return null;
        }

        return uri;
    }

    private static string PathPart(string value)
    {
        var end = value.IndexOfAny(['?', '#']);
        return end < 0 ? value : value[..end];
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*://")]
    private static partial Regex SchemeWithAuthority();

    [GeneratedRegex("%(?:[01][0-9A-Fa-f]|7[Ff])")]
    private static partial Regex EncodedControl();

    [GeneratedRegex("%(?:2[Ee]|5[Cc])")]
    private static partial Regex EncodedDotOrBackslash();
}
