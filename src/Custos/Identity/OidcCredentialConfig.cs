using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Oidc;

namespace Custos.Identity;

/// <summary>
/// The <c>config</c> of an <c>oidc</c> credential (strategies contract §5.10): <c>{"providers":[{subject, provider,
/// initial_id_token, initial_access_token, initial_refresh_token, organization?, use_auto_link?}]}</c>, the tokens
/// encrypted with <see cref="IOidcTokenCipher"/>, and one identifier <c>&lt;provider&gt;:&lt;subject&gt;</c> per entry.
/// </summary>
internal static class OidcCredentialConfig
{
    private static readonly string[] TokenKeys = ["initial_id_token", "initial_access_token", "initial_refresh_token"];

    /// <summary>Kratos's credential identifier of a provider's subject.</summary>
    public static string Identifier(string provider, string subject) => $"{provider}:{subject}";

    /// <summary>A new <c>oidc</c> credential holding one provider entry.</summary>
    public static Credentials New(string provider, string subject, OidcTokens tokens, IOidcTokenCipher cipher, DateTime now, string? organization = null)
    {
        var credential = new Credentials { Type = CredentialTypes.Oidc, CreatedAt = now, UpdatedAt = now };
        Add(credential, provider, subject, tokens, cipher, organization);
        return credential;
    }

    /// <summary>
    /// Appends <paramref name="provider"/>'s entry for <paramref name="subject"/> with the tokens encrypted (Kratos sets
    /// them only when linking: at registration, settings linking and account linking) and its identifier. An entry for
    /// the same provider and subject is replaced rather than listed twice.
    /// </summary>
    public static void Add(Credentials credential, string provider, string subject, OidcTokens tokens, IOidcTokenCipher cipher, string? organization = null)
    {
        var providers = ProvidersArray(credential);
        var kept = providers.Where(p => !(Text(p, "provider") == provider && Text(p, "subject") == subject)).Select(p => p!.DeepClone()).ToList();
        var entry = new JsonObject
        {
            ["subject"] = subject,
            ["provider"] = provider,
            ["initial_id_token"] = cipher.Encrypt(tokens.IdToken),
            ["initial_access_token"] = cipher.Encrypt(tokens.AccessToken),
            ["initial_refresh_token"] = cipher.Encrypt(tokens.RefreshToken),
        };
        if (!string.IsNullOrEmpty(organization))
        {
            entry["organization"] = organization;
        }

        kept.Add(entry);
        credential.Config = new JsonObject { ["providers"] = new JsonArray([.. kept]) };
        var identifier = Identifier(provider, subject);
        if (!credential.Identifiers.Contains(identifier))
        {
            credential.Identifiers.Add(identifier);
        }
    }

    /// <summary>
    /// Removes every entry of <paramref name="provider"/> and rebuilds the identifiers from the entries left, as Kratos's
    /// settings unlink does; false when the provider was not linked.
    /// </summary>
    public static bool Remove(Credentials credential, string provider)
    {
        var providers = ProvidersArray(credential);
        var kept = providers.Where(p => Text(p, "provider") != provider).Select(p => p!.DeepClone()).ToList();
        if (kept.Count == providers.Count)
        {
            return false;
        }

        credential.Config = new JsonObject { ["providers"] = new JsonArray([.. kept]) };
        credential.Identifiers = kept.Select(p => Identifier(Text(p, "provider"), Text(p, "subject"))).ToList();
        return true;
    }

    /// <summary>The linked providers in stored order (null or malformed entries skipped).</summary>
    public static IReadOnlyList<OidcLinkedProvider> Providers(Credentials? credential) => credential is null
        ? []
        : ProvidersArray(credential).OfType<JsonObject>()
            .Select(p => new OidcLinkedProvider(Text(p, "provider"), Text(p, "subject"), Text(p, "organization") is { Length: > 0 } org ? org : null, Bool(p, "use_auto_link")))
            .ToList();

    /// <summary>
    /// The config as Kratos's admin API shows it with <c>include_credential=oidc</c> (or <c>saml</c>): per provider, in
    /// this order, the three tokens decrypted (<c>""</c> when they do not open; OIDC only), <c>subject</c>,
    /// <c>provider</c>, then <c>organization</c> and <c>use_auto_link</c> when set. Without entries Kratos shows null.
    /// </summary>
    public static JsonObject? Reveal(JsonObject config, IOidcTokenCipher? cipher, bool withTokens)
    {
        var providers = (config["providers"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (providers.Count == 0)
        {
            return null;
        }

        var shown = new JsonArray();
        foreach (var p in providers)
        {
            var entry = new JsonObject();
            if (withTokens)
            {
                foreach (var key in TokenKeys)
                {
                    entry[key] = cipher?.Decrypt(Text(p, key)) ?? "";
                }
            }

            entry["subject"] = Text(p, "subject");
            entry["provider"] = Text(p, "provider");
            if (Text(p, "organization") is { Length: > 0 } organization)
            {
                entry["organization"] = organization;
            }

            if (Bool(p, "use_auto_link"))
            {
                entry["use_auto_link"] = true;
            }

            shown.Add(entry);
        }

        return new JsonObject { ["providers"] = shown };
    }

    private static JsonArray ProvidersArray(Credentials credential) => credential.Config["providers"] as JsonArray ?? [];

    private static string Text(JsonNode? entry, string key) =>
        entry?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : "";

    private static bool Bool(JsonNode? entry, string key) =>
        entry?[key] is JsonValue v && v.GetValueKind() == JsonValueKind.True;
}
