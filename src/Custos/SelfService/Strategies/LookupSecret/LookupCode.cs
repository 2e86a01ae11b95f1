namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// One entry of <c>recovery_codes</c>: its MAC (<c>code_hmac</c>, what Custos writes) or, for entries written by
/// Kratos before a migration, the code in clear (<c>code</c>), and when it was used.
/// </summary>
internal sealed record LookupCode(string? Hmac, string? Clear, DateTime? UsedAt)
{
    public bool IsUsed => UsedAt is not null;
}
