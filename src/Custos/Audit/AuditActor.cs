namespace Custos.Audit;

/// <summary>Who did what an audit event records: an identity, an admin API key, or Custos itself.</summary>
/// <param name="Kind"><c>identity</c>, <c>admin_key</c> or <c>system</c>.</param>
internal sealed record AuditActor(string Kind, Guid? Id = null, string? Name = null)
{
    public const string IdentityKind = "identity";
    public const string AdminKeyKind = "admin_key";
    public const string SystemKind = "system";

    public static readonly AuditActor System = new(SystemKind);

    public static AuditActor ForIdentity(Guid id) => new(IdentityKind, id);

    public static AuditActor ForAdminKey(Guid id, string name) => new(AdminKeyKind, id, name);
}
