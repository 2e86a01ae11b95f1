using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.Config;
using Custos.Hosting;
using Custos.Identity;
using Custos.Persistence;
using Custos.Sessions;

namespace Custos.Admin.Impersonation;

/// <summary>
/// Starts a session for an identity on an admin's behalf (issue 14 §4): aal1, an <c>impersonation</c> authentication
/// method, the admin key and reason on the session, at most an hour long, and an <c>impersonation.started</c> audit
/// event committed with the session.
/// </summary>
internal sealed class ImpersonationService(IIdentityPool identities, SessionManager sessions, IAuditLog audit, DbSession db, TimeProvider clock)
{
    public const string Method = "impersonation";
    public const int MaxReasonLength = 1024;
    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxTtl = TimeSpan.FromHours(1);

    /// <summary>The new session and its token; bad input is a 400, an unknown identity a 404.</summary>
    public async Task<IssuedSession> StartAsync(Guid identityId, string? reason, string? ttlText, AdminCaller? caller, SessionDevice device, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            throw KratosErrors.BadRequest($"reason is required (at most {MaxReasonLength} characters): say why this identity is impersonated.");
        }

        var ttl = DefaultTtl;
        if (ttlText is not null && (!GoDuration.TryParse(ttlText, out ttl) || ttl <= TimeSpan.Zero || ttl > MaxTtl))
        {
            throw KratosErrors.BadRequest($"ttl \"{ttlText}\" must be a positive duration of at most 1h, such as \"15m\".");
        }

        var identity = await identities.GetAsync(identityId, withCredentials: false, ct) ?? throw KratosErrors.RowNotFound();
        var now = Clock.Now(clock);
        var session = sessions.NewSession(identity, new AuthenticationMethod(Method, AuthenticatorAssurance.Aal1, now), device);
        session.ExpiresAt = now + ttl;
        session.Impersonator = new SessionImpersonator(caller?.KeyId, caller?.Name, reason);
        return await db.RunInTransactionAsync(async c =>
        {
            var issued = await sessions.PersistAsync(session, c);
            await audit.AppendAsync(new AuditEntry(
                AuditEventTypes.ImpersonationStarted,
                identity.Id,
                session.Id,
                new JsonObject { ["reason"] = reason, ["ttl"] = GoDurationText(ttl), ["session_id"] = session.Id.ToString("D") },
                caller is null ? AuditActor.System : AuditActor.ForAdminKey(caller.KeyId, caller.Name)), c);
            return issued;
        }, ct);
    }

    private static string GoDurationText(TimeSpan ttl) =>
        ttl.TotalSeconds % 60 == 0 ? $"{(long)ttl.TotalMinutes}m" : $"{(long)ttl.TotalSeconds}s";
}
