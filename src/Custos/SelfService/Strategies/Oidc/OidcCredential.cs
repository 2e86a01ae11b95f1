using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// An identity's <c>oidc</c> credential (strategies contract §5.10): one identifier <c>&lt;provider&gt;:&lt;subject&gt;</c>
/// and one <c>providers[]</c> entry per linked account, with the initial tokens encrypted.
/// </summary>
internal static class OidcCredential
{
    /// <summary>Links <paramref name="subject"/> at <paramref name="provider"/> to <paramref name="identity"/>, creating the credential if needed.</summary>
    public static void Link(Identity.Identity identity, string provider, string subject, OidcTokens tokens, IOidcTokenCipher cipher, DateTime now)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential))
        {
            credential = new Credentials { Type = CredentialTypes.Oidc, CreatedAt = now, UpdatedAt = now };
            identity.Credentials[CredentialTypes.Oidc] = credential;
        }

        var providers = credential.Config["providers"] as JsonArray ?? [];
        providers.Add(new JsonObject
        {
            ["subject"] = subject,
            ["provider"] = provider,
            ["initial_id_token"] = cipher.Encrypt(tokens.IdToken),
            ["initial_access_token"] = cipher.Encrypt(tokens.AccessToken),
            ["initial_refresh_token"] = cipher.Encrypt(tokens.RefreshToken),
        });
        credential.Config["providers"] = providers;
        var id = OidcCredentialIds.Of(provider, subject);
        if (!credential.Identifiers.Contains(id))
        {
            credential.Identifiers.Add(id);
        }

        credential.UpdatedAt = now;
    }

    /// <summary>Removes every account of <paramref name="provider"/> from <paramref name="identity"/>; false when none was linked.</summary>
    public static bool Unlink(Identity.Identity identity, string provider, DateTime now)
    {
        if (!identity.Credentials.TryGetValue(CredentialTypes.Oidc, out var credential) || credential.Config["providers"] is not JsonArray providers)
        {
            return false;
        }

        var removed = providers.Where(p => ProviderOf(p) == provider).ToList();
        if (removed.Count == 0)
        {
            return false;
        }

        foreach (var entry in removed)
        {
            providers.Remove(entry);
            credential.Identifiers.Remove(OidcCredentialIds.Of(provider, entry?["subject"]?.GetValue<string>() ?? ""));
        }

        credential.UpdatedAt = now;
        if (providers.Count == 0)
        {
            identity.Credentials.Remove(CredentialTypes.Oidc);
        }

        return true;
    }

    /// <summary>The provider ids linked to <paramref name="identity"/>, in link order, each once.</summary>
    public static IReadOnlyList<string> LinkedProviders(Identity.Identity identity) =>
        (identity.Credentials.GetValueOrDefault(CredentialTypes.Oidc)?.Config["providers"] as JsonArray ?? [])
            .Select(ProviderOf).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private static string? ProviderOf(JsonNode? entry) => entry?["provider"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
