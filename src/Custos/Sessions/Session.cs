namespace Custos.Sessions;

/// <summary>
/// An authenticated session of an identity. <see cref="Active"/> is the stored flag (false once revoked); whether the
/// session is usable right now is <see cref="IsActive"/>. Tokens are not part of the model: only their hashes are stored.
/// </summary>
internal sealed class Session
{
    public required Guid Id { get; init; }
    public required Guid IdentityId { get; init; }

    /// <summary>The identity (without credentials) when it was loaded with the session, else null.</summary>
    public Identity.Identity? Identity { get; set; }

    public bool Active { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime AuthenticatedAt { get; set; }
    public DateTime IssuedAt { get; set; }
    public string AuthenticatorAssuranceLevel { get; set; } = AuthenticatorAssurance.Aal0;
    public List<AuthenticationMethod> AuthenticationMethods { get; set; } = [];
    public List<SessionDevice> Devices { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when an admin started this session through impersonation; such a session may not change credentials.</summary>
    public SessionImpersonator? Impersonator { get; set; }

    /// <summary>Not revoked, not expired, and (when loaded) the identity is active; Kratos computes this at read time.</summary>
    public bool IsActive(DateTime now) => Active && ExpiresAt > now && (Identity is null || Identity.IsActive);

    /// <summary>Adds a completed authentication and recomputes the assurance level.</summary>
    public void AddAuthenticationMethod(AuthenticationMethod method)
    {
        AuthenticationMethods.Add(method);
        AuthenticatorAssuranceLevel = AuthenticatorAssurance.Compute(AuthenticationMethods);
    }
}
