namespace Custos.Admin;

/// <summary>
/// The admin API key that authenticated the current request, if any. Set by the admin-key middleware on the admin
/// listener; read by the audit log (actor) and by impersonation (who started it).
/// </summary>
internal sealed record AdminCaller(Guid KeyId, string Name, IReadOnlySet<string> Scopes)
{
    private const string ItemKey = "custos.admin_caller";

    public static AdminCaller? Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as AdminCaller : null;

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
