using Custos.Identity;

namespace Custos.Sessions;

/// <summary>Authenticator assurance levels and how a session's level follows from its authentication methods.</summary>
internal static class AuthenticatorAssurance
{
    public const string Aal0 = "aal0";
    public const string Aal1 = "aal1";
    public const string Aal2 = "aal2";

    /// <summary>
    /// aal2 needs a first and a second factor; a social sign-in the upstream reported as aal2 counts as both.
    /// Any other non-empty list is aal1 (Kratos falls back to aal1 rather than aal0), an empty one aal0.
    /// </summary>
    public static string Compute(IReadOnlyCollection<AuthenticationMethod> methods)
    {
        if (methods.Count == 0)
        {
            return Aal0;
        }

        var first = false;
        var second = false;
        foreach (var m in methods)
        {
            switch (string.IsNullOrEmpty(m.Aal) ? DefaultFor(m.Method) : m.Aal)
            {
                case Aal1:
                    first = true;
                    break;
                case Aal2:
                    second = true;
                    first |= m.Method is CredentialTypes.Oidc or CredentialTypes.Saml;
                    break;
            }
        }

        return first && second ? Aal2 : Aal1;
    }

    /// <summary>The level a method provides when the caller did not say (Kratos's mapping for legacy AMR entries).</summary>
    public static string DefaultFor(string method) => method switch
    {
        CredentialTypes.Totp or CredentialTypes.LookupSecret => Aal2,
        _ => Aal1,
    };

    /// <summary>Orders levels: aal0 &lt; aal1 &lt; aal2; unknown values rank lowest.</summary>
    public static int Rank(string? aal) => aal switch
    {
        Aal1 => 1,
        Aal2 => 2,
        _ => 0,
    };
}
