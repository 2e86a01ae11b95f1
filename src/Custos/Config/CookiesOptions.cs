using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>cookies</c>: defaults shared by every cookie (session, CSRF, continuity).</summary>
internal sealed class CookiesOptions
{
    /// <summary><c>cookies.domain</c>: unset means host-only cookies.</summary>
    [ConfigurationKeyName("domain")]
    public string? Domain { get; set; }

    /// <summary><c>cookies.path</c>. Default <c>/</c>.</summary>
    [ConfigurationKeyName("path")]
    public string Path { get; set; } = "/";

    /// <summary><c>cookies.same_site</c>: <c>Strict</c>, <c>Lax</c> (default) or <c>None</c>.</summary>
    [ConfigurationKeyName("same_site")]
    public CookieSameSite SameSite { get; set; } = CookieSameSite.Lax;

    /// <summary><c>cookies.secure</c>: default true, false in dev mode.</summary>
    [ConfigurationKeyName("secure")]
    public bool Secure { get; set; } = true;
}
