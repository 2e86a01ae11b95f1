namespace Custos.SelfService.Flows.Login;

/// <summary>What a login form is built for.</summary>
/// <param name="Mode">Which form (Kratos's hydrator).</param>
/// <param name="Identity">
/// The signed-in identity (refresh; with its credentials on a step-up), or the identity an identifier-first step 2 found (null when unknown or
/// when account enumeration is mitigated, so no form can tell the difference).
/// </param>
/// <param name="Identifier">The identifier a refresh form is bound to, or the one submitted in identifier-first step 1.</param>
/// <param name="Mitigate"><c>security.account_enumeration.mitigate</c>: step 2 shows the same methods for everyone.</param>
internal sealed record LoginForm(LoginFormMode Mode, Identity.Identity? Identity = null, string? Identifier = null, bool Mitigate = false)
{
    public static readonly LoginForm FirstFactor = new(LoginFormMode.FirstFactor);
}
