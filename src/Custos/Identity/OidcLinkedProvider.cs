namespace Custos.Identity;

/// <summary>One <c>providers[]</c> entry of an <c>oidc</c> credential, without its tokens.</summary>
internal sealed record OidcLinkedProvider(string Provider, string Subject, string? Organization, bool UseAutoLink);
