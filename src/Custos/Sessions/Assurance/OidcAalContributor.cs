using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary>
/// <c>oidc</c>: one first factor per identifier <c>&lt;provider&gt;:&lt;subject&gt;</c> that matches a linked provider of the
/// config with a non-empty provider and subject. Organisation (B2B SSO) providers are not counted, as in Kratos.
/// </summary>
internal sealed class OidcAalContributor : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.Oidc;

    public FactorCount Count(Credentials? credential)
    {
        if (credential is null || CredentialConfig.Array(credential.Config, "providers") is not { } providers)
        {
            return FactorCount.None;
        }

        var linked = providers.OfType<JsonObject>()
            .Where(p => string.IsNullOrEmpty(CredentialConfig.String(p, "organization")))
            .Select(p => (Provider: CredentialConfig.String(p, "provider") ?? "", Subject: CredentialConfig.String(p, "subject") ?? ""))
            .Where(p => p.Provider.Length > 0 && p.Subject.Length > 0)
            .ToList();
        var count = 0;
        foreach (var identifier in credential.Identifiers)
        {
            // Kratos cuts at the first colon: provider ids have none, subjects may.
            var colon = identifier.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                var (provider, subject) = (identifier[..colon], identifier[(colon + 1)..]);
                count += linked.Count(p => p.Provider == provider && p.Subject == subject);
            }
        }

        return FactorCount.First(count);
    }
}
