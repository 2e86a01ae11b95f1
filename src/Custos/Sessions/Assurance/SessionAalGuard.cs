using Custos.Config;
using Custos.Identity;
using Microsoft.Extensions.Options;

namespace Custos.Sessions.Assurance;

/// <summary>
/// Decides whether a session meets a required AAL (Kratos's <c>DoesSessionSatisfy</c>) and builds the
/// <c>session_aal2_required</c> answer. The identity's available AAL is derived from its credentials on every check
/// that needs it, never read from the stored column.
/// </summary>
internal sealed class SessionAalGuard(
    IIdentityPool identities,
    AvailableAalCalculator calculator,
    IOptionsMonitor<CustosOptions> options,
    ILogger<SessionAalGuard> logger)
{
    /// <summary>
    /// True when <paramref name="session"/> meets <paramref name="required"/>. The session's level is first recomputed
    /// from its methods; aal2 always passes. <c>aal1</c>: any session with a method. <c>highest_available</c>: passes
    /// unless the identity's credentials offer a second factor. Uses the credentials loaded with the session's
    /// identity when there are (see <see cref="ISessionStore.GetByTokenHashAsync"/>), else reads them.
    /// </summary>
    public async Task<bool> SatisfiesAalAsync(Session session, RequiredAal required, CancellationToken ct)
    {
        session.AuthenticatorAssuranceLevel = AuthenticatorAssurance.Compute(session.AuthenticationMethods);
        if (session.AuthenticatorAssuranceLevel == AuthenticatorAssurance.Aal2)
        {
            return true;
        }

        if (required == RequiredAal.Aal1)
        {
            return session.AuthenticatorAssuranceLevel == AuthenticatorAssurance.Aal1;
        }

        var identity = session.Identity is { CredentialsLoaded: true } loaded
            ? loaded
            : await identities.GetAsync(session.IdentityId, withCredentials: true, ct);
        if (identity is null)
        {
            // The identity is gone (sessions cascade with it, so only a race gets here): refuse rather than guess.
            return false;
        }

        // Kept on the loaded identity for the rest of the request only; Kratos also writes it back on whoami, but
        // nothing here reads the column, so a GET stays free of writes.
        identity.AvailableAal = calculator.Compute(identity.Credentials);
        var satisfied = identity.AvailableAal != AuthenticatorAssurance.Aal2;
        if (!satisfied)
        {
            AssuranceLog.Aal2Required(logger, session.Id, session.IdentityId);
        }

        return satisfied;
    }

    /// <summary>
    /// Throws 403 <c>session_aal2_required</c>, with <see cref="StepUpUrl"/> in <c>details.redirect_browser_to</c> and
    /// at the top level, unless the session meets <paramref name="required"/>.
    /// </summary>
    public async Task EnsureAalAsync(Session session, RequiredAal required, AalStepUp stepUp, CancellationToken ct)
    {
        if (!await SatisfiesAalAsync(session, required, ct))
        {
            throw SessionErrors.Aal2Required(StepUpUrl(stepUp));
        }
    }

    /// <summary>The aal2 login URL on this server's public base URL (see <see cref="AalStepUp.ToUrl"/>).</summary>
    public string StepUpUrl(AalStepUp stepUp)
    {
        var o = options.CurrentValue;
        return stepUp.ToUrl(o.Serve.Public.EffectiveBaseUrl(o.Dev));
    }
}
