namespace Custos.Admin.Webhooks;

/// <summary>A subscription of a URL to audit events matching <see cref="Events"/> (see <see cref="EventPatterns"/>).</summary>
internal sealed record EventWebhook(Guid Id, string Url, IReadOnlyList<string> Events, DateTime CreatedAt);
