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
    /// Any other non-empty list is aal1 (Kratos falls back to aal1 rather than aal0, so a lone aal2 entry or
    /// entries without a level still give aal1), an empty one aal0. Only the recorded levels count, never the method names.
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
            switch (m.Aal)
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

    /// <summary>The level <see cref="SessionManager"/> records for a method whose caller did not say which.</summary>
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
