using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Hosting;
using Microsoft.Extensions.Options;

namespace Custos.Sessions;

/// <summary>
/// Issues, finds, refreshes and revokes sessions; the only way the flows and endpoints touch sessions. Tokens leave
/// this class only inside an <see cref="IssuedSession"/> or a <see cref="RequestSession"/>; the store sees digests.
/// </summary>
internal sealed class SessionManager(
    ISessionStore store,
    SessionCookie cookie,
    TimeProvider clock,
    IOptionsMonitor<CustosOptions> options,
    ILogger<SessionManager> logger,
    SessionRevocationAudit audit)
{
    /// <summary>
    /// A new, not yet persisted session for <paramref name="identity"/>, authenticated now with <paramref name="method"/>
    /// (its level defaults from the method type; its completion time to now), expiring after <c>session.lifespan</c>.
    /// </summary>
    public Session NewSession(Identity.Identity identity, AuthenticationMethod method, SessionDevice device)
    {
        if (!identity.IsActive)
        {
            throw SessionErrors.IdentityDisabled();
        }

        var now = Clock.Now(clock);
        var session = new Session
        {
            Id = Guid.NewGuid(),
            IdentityId = identity.Id,
            Identity = identity,
            Active = true,
            AuthenticatedAt = now,
            IssuedAt = now,
            ExpiresAt = now + options.CurrentValue.Session.Lifespan,
            Devices = [device],
            CreatedAt = now,
            UpdatedAt = now,
        };
        session.AddAuthenticationMethod(Stamp(method, now));
        return session;
    }

    /// <summary>Stores a new session with fresh tokens; the returned plaintext tokens are never stored.</summary>
    public async Task<IssuedSession> PersistAsync(Session session, CancellationToken ct)
    {
        var token = SessionTokens.NewSessionToken();
        var logoutToken = SessionTokens.NewLogoutToken();
        await store.CreateAsync(session, SessionTokens.Hash(token), SessionTokens.Hash(logoutToken), ct);
        SessionsLog.Issued(logger, session.Id, session.IdentityId, session.AuthenticatorAssuranceLevel);
        return new IssuedSession(session, token, logoutToken);
    }

    /// <summary>Sets the session cookie for a freshly issued session.</summary>
    public void WriteCookie(HttpContext context, IssuedSession issued) => cookie.Write(context, issued.Token, issued.Session.ExpiresAt);

    /// <summary>Sets the session cookie for an existing session and its token (after a re-authentication or an extension).</summary>
    public void WriteCookie(HttpContext context, Session session, string token) => cookie.Write(context, token, session.ExpiresAt);

    /// <summary>Expires the session cookie in the browser.</summary>
    public void DeleteCookie(HttpContext context) => cookie.Delete(context);

    /// <summary>The request's active session, or null when it carries none, or an unknown, revoked or expired one, or the identity is inactive.</summary>
    public async Task<Session?> FromRequestAsync(HttpContext context, CancellationToken ct) =>
        (await FromRequestWithTokenAsync(context, ct))?.Session;

    /// <summary>
    /// Like <see cref="FromRequestAsync"/>, plus the token the request carried and where. The token is taken from
    /// <c>X-Session-Token</c>, else the session cookie, else <c>Authorization: Bearer</c>; the first one present is
    /// the only one tried (a bad header does not fall back to the cookie), as in Kratos.
    /// </summary>
    public async Task<RequestSession?> FromRequestWithTokenAsync(HttpContext context, CancellationToken ct)
    {
        if (ExtractToken(context) is not { } carried)
        {
            return null;
        }

        var session = await store.GetByTokenHashAsync(SessionTokens.Hash(carried.Token), ct);
        return session is not null && session.IsActive(Clock.Now(clock))
            ? new RequestSession(session, carried.Token, carried.Source, carried.CookieExpiresAt)
            : null;
    }

    /// <summary>The session of a plaintext session token in any state (revoked and expired included), or null.</summary>
    public Task<Session?> FindByTokenAsync(string token, CancellationToken ct) =>
        string.IsNullOrEmpty(token) ? Task.FromResult<Session?>(null) : store.GetByTokenHashAsync(SessionTokens.Hash(token), ct);

    /// <summary>The session of a plaintext logout token in any state, with its identity, or null.</summary>
    public Task<Session?> FindByLogoutTokenAsync(string logoutToken, CancellationToken ct) =>
        string.IsNullOrEmpty(logoutToken) ? Task.FromResult<Session?>(null) : store.GetByLogoutTokenHashAsync(SessionTokens.Hash(logoutToken), ct);

    /// <summary>
    /// Revokes the session (kept, marked inactive) and audits it with <paramref name="reason"/> (a
    /// <see cref="SessionRevocationAudit"/> reason); false when the id is unknown.
    /// </summary>
    public async Task<bool> RevokeAsync(Guid sessionId, string reason, CancellationToken ct)
    {
        var revoked = await audit.RunAsync(async c =>
        {
            if (!await store.RevokeAsync(sessionId, identityId: null, c))
            {
                return false;
            }

            var identityId = (await store.GetAsync(sessionId, withIdentity: false, c))?.IdentityId;
            await audit.RevokedAsync(identityId, sessionId, reason, c);
            return true;
        }, ct);
        if (revoked)
        {
            SessionsLog.Revoked(logger, sessionId);
        }

        return revoked;
    }

    /// <summary>Revokes one session of the identity; a session of another identity or an unknown id is silently left alone.</summary>
    public Task RevokeOwnAsync(Guid identityId, Guid sessionId, CancellationToken ct) =>
        audit.RunAsync(async c =>
        {
            if (await store.RevokeAsync(sessionId, identityId, c))
            {
                await audit.RevokedAsync(identityId, sessionId, SessionRevocationAudit.SelfService, c);
            }

            return true;
        }, ct);

    /// <summary>Revokes every other active session of the identity (one audit event with the count); returns how many.</summary>
    public async Task<int> RevokeOtherSessionsAsync(Guid identityId, Guid exceptSessionId, string reason, CancellationToken ct)
    {
        var count = await audit.RunAsync(async c =>
        {
            var n = await store.RevokeOthersAsync(identityId, exceptSessionId, c);
            await audit.RevokedManyAsync(identityId, n, reason, c);
            return n;
        }, ct);
        SessionsLog.RevokedOthers(logger, count, identityId);
        return count;
    }

    /// <summary>Deletes every session of the identity (the admin API); returns how many.</summary>
    public Task<int> DeleteAllOfIdentityAsync(Guid identityId, CancellationToken ct) =>
        audit.RunAsync(async c =>
        {
            var n = await store.DeleteByIdentityAsync(identityId, c);
            await audit.RevokedManyAsync(identityId, n, SessionRevocationAudit.Admin, c);
            return n;
        }, ct);

    /// <summary>
    /// Re-authentication (<c>refresh=true</c>) or step-up on an existing session: appends the method, moves
    /// <c>authenticated_at</c> to now, restarts the lifespan from it, records the device; same id, same token.
    /// The caller re-issues the cookie with <see cref="WriteCookie(HttpContext, Session, string)"/> for browsers.
    /// </summary>
    public async Task ReauthenticateAsync(Session session, AuthenticationMethod method, SessionDevice device, CancellationToken ct)
    {
        var now = Clock.Now(clock);
        session.AddAuthenticationMethod(Stamp(method, now));
        session.AuthenticatedAt = now;
        session.ExpiresAt = now + options.CurrentValue.Session.Lifespan;
        session.Active = true;
        session.Devices.Add(device);
        session.UpdatedAt = now;
        await store.UpdateAsync(session, ct);
        SessionsLog.Reauthenticated(logger, session.Id, method.Method, session.AuthenticatorAssuranceLevel);
    }

    /// <summary>
    /// A method enrolled in settings (a TOTP device, confirmed lookup codes, a WebAuthn key or passkey, a linked
    /// provider) counts as an authentication of the current session: the entries are appended completed now,
    /// <c>authenticated_at</c> moves to now and the level is recomputed; the expiry stays (Kratos's
    /// <c>SessionAddAuthenticationMethods</c>). Returns the updated session, or null when the id is unknown.
    /// </summary>
    public async Task<Session?> AddAuthenticationMethodsAsync(Guid sessionId, IEnumerable<AuthenticationMethod> methods, CancellationToken ct)
    {
        var session = await store.GetAsync(sessionId, withIdentity: false, ct);
        if (session is null)
        {
            return null;
        }

        var now = Clock.Now(clock);
        foreach (var method in methods)
        {
            session.AddAuthenticationMethod(Stamp(method with { CompletedAt = default }, now));
        }

        session.AuthenticatedAt = now;
        session.UpdatedAt = now;
        await store.UpdateAsync(session, ct);
        return session;
    }

    /// <summary>
    /// Admin extension: <c>expires_at = now + session.lifespan</c>, but only once the session is within
    /// <c>session.earliest_possible_extend</c> of expiring (otherwise unchanged). Returns the session with identity, or null.
    /// </summary>
    public async Task<Session?> ExtendAsync(Guid sessionId, CancellationToken ct)
    {
        var session = await store.GetAsync(sessionId, withIdentity: true, ct);
        if (session is null)
        {
            return null;
        }

        var now = Clock.Now(clock);
        var settings = options.CurrentValue.Session;
        if (settings.CanExtend(session.ExpiresAt, now))
        {
            session.ExpiresAt = now + settings.Lifespan;
            session.UpdatedAt = now;
            await store.UpdateAsync(session, ct);
        }

        return session;
    }

    /// <summary>
    /// Gives the session a new token and returns it with the session (with identity); null when the id is unknown. Only
    /// the digest is stored, so a session issued where no client could take its token (a native app's social sign-in,
    /// which ends in the system browser) gets the token it is handed out with here; any earlier token stops working.
    /// </summary>
    public async Task<(Session Session, string Token)?> ReissueTokenAsync(Guid sessionId, CancellationToken ct)
    {
        var token = SessionTokens.NewSessionToken();
        if (!await store.ReplaceTokenAsync(sessionId, SessionTokens.Hash(token), ct)
            || await store.GetAsync(sessionId, withIdentity: true, ct) is not { } session)
        {
            return null;
        }

        return (session, token);
    }

    /// <summary>Re-issues the cookie when the request's cookie was sealed with an expiry earlier than the session's (after an extension).</summary>
    public void RefreshCookieIfStale(HttpContext context, RequestSession current)
    {
        if (current.Source == SessionTokenSource.Cookie && current.CookieExpiresAt < current.Session.ExpiresAt)
        {
            WriteCookie(context, current.Session, current.Token);
        }
    }

    /// <summary>The session's JSON as of now; public views omit the identity's admin metadata.</summary>
    public JsonObject ToJson(Session session, bool admin = false, bool expandIdentity = true, bool expandDevices = true)
    {
        var o = options.CurrentValue;
        return SessionJson.Write(session, Clock.Now(clock), o.Serve.Public.EffectiveBaseUrl(o.Dev), admin, expandIdentity, expandDevices);
    }

    private (string Token, SessionTokenSource Source, DateTime? CookieExpiresAt)? ExtractToken(HttpContext context)
    {
        var headers = context.Request.Headers;
        var header = headers["X-Session-Token"].FirstOrDefault();
        if (!string.IsNullOrEmpty(header))
        {
            return (header, SessionTokenSource.Header, null);
        }

        if (cookie.Read(context) is { } sealedValue)
        {
            return (sealedValue.SessionToken, SessionTokenSource.Cookie, sealedValue.ExpiresAt);
        }

        // Exactly "<scheme> <token>" with a case-insensitive "bearer", as Kratos splits it.
        var parts = headers.Authorization.FirstOrDefault()?.Split(' ');
        return parts is [var scheme, { Length: > 0 } bearer] && scheme.Equals("bearer", StringComparison.OrdinalIgnoreCase)
            ? (bearer, SessionTokenSource.Bearer, null)
            : null;
    }

    private static AuthenticationMethod Stamp(AuthenticationMethod method, DateTime now) => method with
    {
        Aal = string.IsNullOrEmpty(method.Aal) ? AuthenticatorAssurance.DefaultFor(method.Method) : method.Aal,
        CompletedAt = method.CompletedAt == default ? now : method.CompletedAt,
    };
}
