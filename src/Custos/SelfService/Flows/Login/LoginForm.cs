namespace Custos.SelfService.Flows.Login;

/// <summary>What a login form is built for: on a refresh or a step-up, the signed-in identity and its identifier.</summary>
/// <param name="Identity">The session's identity (refresh, <c>aal2</c>), or null for a first login.</param>
/// <param name="Identifier">The identifier a refresh form is bound to (a hidden field), or null.</param>
internal sealed record LoginForm(Identity.Identity? Identity, string? Identifier)
{
    public static readonly LoginForm FirstFactor = new(null, null);
}
