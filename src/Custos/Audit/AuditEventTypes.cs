namespace Custos.Audit;

/// <summary>The dotted audit event types (issue 14 §2); webhook subscriptions match them or a prefix glob.</summary>
internal static class AuditEventTypes
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    public const string RegistrationSucceeded = "registration.succeeded";
    public const string SettingsUpdated = "settings.updated";
    public const string CredentialAdded = "credential.added";
    public const string CredentialRemoved = "credential.removed";
    public const string RecoverySucceeded = "recovery.succeeded";
    public const string VerificationSucceeded = "verification.succeeded";
    public const string SessionRevoked = "session.revoked";
    public const string IdentityCreated = "identity.created";
    public const string IdentityUpdated = "identity.updated";
    public const string IdentityDeleted = "identity.deleted";
    public const string ImpersonationStarted = "impersonation.started";
    public const string ThrottlingBlocked = "throttling.blocked";
    public const string ThrottlingCleared = "throttling.cleared";
    public const string SessionExtended = "session.extended";
    public const string RecoveryCodeCreated = "recovery.code_created";
    public const string RecoveryLinkCreated = "recovery.link_created";
    public const string AdminKeyCreated = "admin_key.created";
    public const string AdminKeyRevoked = "admin_key.revoked";
    public const string IdentitySchemaUpdated = "identity_schema.updated";
    public const string IdentitySchemaDeleted = "identity_schema.deleted";
    public const string WebhookCreated = "webhook.created";
    public const string WebhookDeleted = "webhook.deleted";
}
