using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>session</c>.</summary>
internal sealed class SessionOptions
{
    /// <summary><c>session.lifespan</c>: how long a session is valid. Default 24h.</summary>
    [ConfigurationKeyName("lifespan")]
    public TimeSpan Lifespan { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// <c>session.earliest_possible_extend</c>: a session can be extended only when it expires within this window.
    /// Defaults to <see cref="Lifespan"/> (always extendable).
    /// </summary>
    [ConfigurationKeyName("earliest_possible_extend")]
    public TimeSpan EarliestPossibleExtend { get; set; } = TimeSpan.FromHours(24);

    /// <summary><c>session.cookie</c>: the session cookie; unset attributes fall back to <c>cookies.*</c> at load.</summary>
    [ConfigurationKeyName("cookie")]
    public SessionCookieOptions Cookie { get; set; } = new();

    /// <summary><c>session.whoami</c>.</summary>
    [ConfigurationKeyName("whoami")]
    public WhoamiOptions Whoami { get; set; } = new();

    /// <summary>Whether a session expiring at <paramref name="expiresAt"/> may be extended at <paramref name="now"/>.</summary>
    public bool CanExtend(DateTimeOffset expiresAt, DateTimeOffset now) => expiresAt - now <= EarliestPossibleExtend;
}
