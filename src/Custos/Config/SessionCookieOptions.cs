using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// <c>session.cookie</c>. <see cref="Domain"/>, <see cref="Path"/>, <see cref="SameSite"/> and <see cref="Secure"/>
/// are filled from <c>cookies.*</c> at load when not set here, so consumers read them directly.
/// </summary>
internal sealed class SessionCookieOptions
{
    /// <summary><c>session.cookie.name</c>. Default <c>ory_kratos_session</c>.</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "ory_kratos_session";

    /// <summary><c>session.cookie.persistent</c>: give the cookie an expiry (else a browser-session cookie). Default true.</summary>
    [ConfigurationKeyName("persistent")]
    public bool Persistent { get; set; } = true;

    /// <summary><c>session.cookie.domain</c>; falls back to <c>cookies.domain</c> (host-only when both are unset).</summary>
    [ConfigurationKeyName("domain")]
    public string? Domain { get; set; }

    /// <summary><c>session.cookie.path</c>; falls back to <c>cookies.path</c> (<c>/</c>).</summary>
    [ConfigurationKeyName("path")]
    public string Path { get; set; } = "/";

    /// <summary><c>session.cookie.same_site</c>; falls back to <c>cookies.same_site</c> (<c>Lax</c>).</summary>
    [ConfigurationKeyName("same_site")]
    public CookieSameSite SameSite { get; set; } = CookieSameSite.Lax;

    /// <summary><c>session.cookie.secure</c>; falls back to <c>cookies.secure</c> (true unless dev mode).</summary>
    [ConfigurationKeyName("secure")]
    public bool Secure { get; set; } = true;
}
