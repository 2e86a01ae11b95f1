namespace Custos.SelfService.Strategies.Oidc;

/// <summary>Kratos's credential identifier of a linked provider account: <c>&lt;provider id&gt;:&lt;subject&gt;</c>.</summary>
internal static class OidcCredentialIds
{
    public static string Of(string provider, string subject) => provider + ":" + subject;
}
