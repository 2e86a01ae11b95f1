using Custos.Identity;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// An identity's <c>oidc</c> credential as a whole (strategies contract §5.10): link or unlink a provider account, list
/// the linked providers. The credential JSON itself is <see cref="OidcCredentialConfig"/>.
/// </summary>
internal static class OidcCredential
{
    /// <summary>Links <paramref name="subject"/> at <paramref name="provider"/> to <paramref name="identity"/>, creating the credential if needed.</summary>
    public static void Link(Identity.Identity identity, string provider, string subject, OidcTokens tokens, IOidcTokenCipher cipher, DateTime now)
    {
        if (identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential))
        {
            OidcCredentialConfig.Add(credential, provider, subject, tokens, cipher);
            credential.UpdatedAt = now;
        }
        else
        {
            identity.Credentials[CredentialTypes.Oidc] = OidcCredentialConfig.New(provider, subject, tokens, cipher, now);
        }
    }

    /// <summary>Removes every account of <paramref name="provider"/>; false when none was linked. The last one takes the credential with it.</summary>
    public static bool Unlink(Identity.Identity identity, string provider, DateTime now)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential) || !OidcCredentialConfig.Remove(credential, provider))
        {
            return false;
        }

        credential.UpdatedAt = now;
        if (credential.Identifiers.Count == 0)
        {
            identity.Credentials.Remove(CredentialTypes.Oidc);
        }

        return true;
    }

    /// <summary>The provider ids linked to <paramref name="identity"/>, in stored order, each once.</summary>
    public static IReadOnlyList<string> LinkedProviders(Identity.Identity identity) =>
        OidcCredentialConfig.Providers(identity.Credentials.GetValueOrDefault(CredentialTypes.Oidc))
            .Select(p => p.Provider).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
