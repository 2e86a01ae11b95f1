using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Schema;
using Custos.SelfService.Strategies.Oidc;

namespace Custos.Identity;

/// <summary>
/// Writes identities in Kratos's field order. Public views carry no credentials and no <c>metadata_admin</c>;
/// admin views carry credentials with their config only for the types asked for.
/// </summary>
internal static class IdentityJson
{
    /// <param name="cipherSecrets"><c>secrets.cipher</c>, to show sealed credential configs in Kratos's clear shape; null shows them as stored.</param>
    /// <param name="oidcCipher">Opens the upstream tokens of <c>oidc</c> credentials for that view (without it they show as <c>""</c>).</param>
    public static JsonObject Admin(Identity identity, string publicBaseUrl, IReadOnlySet<string>? includeConfig = null, bool withCredentials = true, IReadOnlyList<string>? cipherSecrets = null, IOidcTokenCipher? oidcCipher = null) =>
        Write(identity, publicBaseUrl, admin: true, withCredentials, includeConfig ?? new HashSet<string>(), new CredentialView(cipherSecrets, oidcCipher));

    public static JsonObject Public(Identity identity, string publicBaseUrl) =>
        Write(identity, publicBaseUrl, admin: false, withCredentials: false, new HashSet<string>(), new CredentialView(null, null));

    private static JsonObject Write(Identity i, string publicBaseUrl, bool admin, bool withCredentials, IReadOnlySet<string> includeConfig, CredentialView view)
    {
        var o = new JsonObject { ["id"] = i.Id.ToString("D") };
        if (!string.IsNullOrEmpty(i.ExternalId))
        {
            o["external_id"] = i.ExternalId;
        }

        if (withCredentials && i.Credentials.Count > 0)
        {
            var credentials = new JsonObject();
            foreach (var c in i.Credentials.Values.OrderBy(c => c.Type, StringComparer.Ordinal))
            {
                credentials[c.Type] = Credential(i.Id, c, includeConfig.Contains(c.Type), view);
            }

            o["credentials"] = credentials;
        }

        o["schema_id"] = i.SchemaId;
        o["schema_url"] = publicBaseUrl.TrimEnd('/') + "/schemas/" + LoadedSchema.EncodeId(i.SchemaId);
        o["state"] = i.State;
        if (i.StateChangedAt is { } changed)
        {
            o["state_changed_at"] = KratosTime.Format(changed);
        }

        o["traits"] = i.Traits.DeepClone();
        if (i.VerifiableAddresses.Count > 0)
        {
            o["verifiable_addresses"] = new JsonArray(i.VerifiableAddresses.Select(VerifiableAddress).ToArray<JsonNode?>());
        }

        if (i.RecoveryAddresses.Count > 0)
        {
            o["recovery_addresses"] = new JsonArray(i.RecoveryAddresses.Select(RecoveryAddress).ToArray<JsonNode?>());
        }

        o["metadata_public"] = i.MetadataPublic?.DeepClone();
        if (admin)
        {
            o["metadata_admin"] = i.MetadataAdmin?.DeepClone();
        }

        o["created_at"] = KratosTime.Format(i.CreatedAt);
        o["updated_at"] = KratosTime.Format(i.UpdatedAt);
        o["organization_id"] = i.OrganizationId?.ToString("D");
        return o;
    }

    private static JsonObject Credential(Guid identityId, Credentials c, bool withConfig, CredentialView view)
    {
        var o = new JsonObject
        {
            ["type"] = c.Type,
            ["identifiers"] = new JsonArray(c.Identifiers.Select(x => (JsonNode?)x).ToArray()),
        };
        if (withConfig)
        {
            // Without cipher secrets the stored config is wanted as it is (the JSON patch document of an identity).
            o["config"] = (c.Type, view.CipherSecrets) switch
            {
                (CredentialTypes.Totp, { } secrets) => TotpCredentialConfig.Reveal(identityId, c.Config, secrets),
                (CredentialTypes.Oidc or CredentialTypes.Saml, not null) => OidcCredentialConfig.Reveal(c.Config, view.OidcCipher, withTokens: c.Type == CredentialTypes.Oidc),
                _ => c.Config.DeepClone(),
            };
        }

        o["version"] = c.Version;
        o["created_at"] = KratosTime.Format(c.CreatedAt);
        o["updated_at"] = KratosTime.Format(c.UpdatedAt);
        return o;
    }

    public static JsonObject VerifiableAddress(VerifiableAddress a)
    {
        var o = new JsonObject
        {
            ["id"] = a.Id.ToString("D"),
            ["value"] = a.Value,
            ["verified"] = a.Verified,
            ["via"] = a.Via,
            ["status"] = a.Status,
        };
        if (a.VerifiedAt is { } at)
        {
            o["verified_at"] = KratosTime.Format(at);
        }

        o["created_at"] = KratosTime.Format(a.CreatedAt);
        o["updated_at"] = KratosTime.Format(a.UpdatedAt);
        return o;
    }

    public static JsonObject RecoveryAddress(RecoveryAddress a) => new()
    {
        ["id"] = a.Id.ToString("D"),
        ["value"] = a.Value,
        ["via"] = a.Via,
        ["created_at"] = KratosTime.Format(a.CreatedAt),
        ["updated_at"] = KratosTime.Format(a.UpdatedAt),
    };

    private sealed record CredentialView(IReadOnlyList<string>? CipherSecrets, IOidcTokenCipher? OidcCipher);
}
