using System.Text;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Identity;

/// <summary>
/// The <c>config</c> of a <c>totp</c> credential. Kratos stores <c>{"totp_url": "otpauth://…"}</c> in clear, so a
/// database dump hands out every second factor. With <c>secrets.cipher</c> configured Custos stores
/// <c>{"totp_url_sealed": "…"}</c> instead: the URL sealed with <see cref="AeadSeal"/> under the first cipher secret
/// (every listed secret opens, so secrets can rotate) and bound to the identity id, so a sealed value copied onto
/// another identity does not open. Without cipher secrets, and for configs written by Kratos or by an admin as
/// <c>totp_url</c>, the clear form is kept and read as Kratos does. The admin API shows Kratos's shape either way.
/// </summary>
internal static class TotpCredentialConfig
{
    /// <summary>Kratos's key of the key URI.</summary>
    public const string UrlKey = "totp_url";

    /// <summary>Custos's key of the sealed key URI.</summary>
    public const string SealedUrlKey = "totp_url_sealed";

    /// <summary>The config storing <paramref name="url"/> for <paramref name="identityId"/>: sealed when cipher secrets exist.</summary>
    public static JsonObject Create(Guid identityId, string url, IReadOnlyList<string> cipherSecrets)
    {
        if (cipherSecrets.Count == 0 || url.Length == 0)
        {
            return new JsonObject { [UrlKey] = url };
        }

        var sealedUrl = AeadSeal.Seal(Encoding.UTF8.GetBytes(url), AeadSeal.Key(cipherSecrets[0]), Purpose(identityId));
        return new JsonObject { [SealedUrlKey] = sealedUrl };
    }

    /// <summary>A new <c>totp</c> credential as Kratos writes it: identifiers <c>[identity id]</c>, version 0.</summary>
    public static Credentials NewCredentials(Guid identityId, string url, IReadOnlyList<string> cipherSecrets, DateTime now) => new()
    {
        Type = CredentialTypes.Totp,
        Identifiers = [identityId.ToString("D")],
        Config = Create(identityId, url, cipherSecrets),
        Version = 0,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>
    /// The stored key URI: <c>""</c> when the config holds none, null when a sealed URI opens under none of
    /// <paramref name="cipherSecrets"/> (wrong or removed cipher secret, or tampered data). A clear <c>totp_url</c>
    /// wins over a sealed one: it can only be there because an admin wrote it after the seal.
    /// </summary>
    public static string? ReadUrl(Guid identityId, JsonObject config, IReadOnlyList<string> cipherSecrets)
    {
        if (StringAt(config, UrlKey) is { Length: > 0 } clear)
        {
            return clear;
        }

        if (StringAt(config, SealedUrlKey) is not { Length: > 0 } sealedUrl)
        {
            return "";
        }

        var keys = cipherSecrets.Select(AeadSeal.Key);
        return AeadSeal.Open(sealedUrl, keys, Purpose(identityId)) is { } plaintext ? Encoding.UTF8.GetString(plaintext) : null;
    }

    /// <summary>
    /// Kratos's <c>{"totp_url": …}</c> for <c>include_credential=totp</c>. A URI that does not open is shown as
    /// <c>""</c>, as Kratos shows OIDC tokens it cannot decrypt, rather than failing the whole identity.
    /// </summary>
    public static JsonObject Reveal(Guid identityId, JsonObject config, IReadOnlyList<string> cipherSecrets)
    {
        if (!config.ContainsKey(SealedUrlKey))
        {
            return (JsonObject)config.DeepClone();
        }

        return new JsonObject { [UrlKey] = ReadUrl(identityId, config, cipherSecrets) ?? "" };
    }

    /// <summary>
    /// Whether the credential holds a key, as Kratos counts it for the available AAL: an identifier and a
    /// non-empty, parsable key URI (a sealed one was checked before it was sealed).
    /// </summary>
    public static bool HasKey(Credentials credential)
    {
        if (credential.Type != CredentialTypes.Totp || credential.Identifiers.Count == 0 || credential.Identifiers[0].Length == 0)
        {
            return false;
        }

        return StringAt(credential.Config, UrlKey) is { Length: > 0 } clear
            ? IsParsableUrl(clear)
            : StringAt(credential.Config, SealedUrlKey) is { Length: > 0 };
    }

    /// <summary>
    /// Go's <c>url.Parse</c> accepts almost any string; it refuses control characters, a leading <c>:</c> (missing
    /// scheme) and malformed percent escapes, which is what "parsable" means for Kratos's AAL count.
    /// </summary>
    public static bool IsParsableUrl(string url)
    {
        if (url.Length == 0 || url[0] == ':' || url.Any(c => c < 0x20 || c == 0x7f))
        {
            return false;
        }

        var fragment = url.IndexOf('#', StringComparison.Ordinal);
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var end = query >= 0 ? query : fragment >= 0 ? fragment : url.Length;
        for (var i = 0; i < end; i++)
        {
            if (url[i] == '%' && (i + 2 >= end || !Uri.IsHexDigit(url[i + 1]) || !Uri.IsHexDigit(url[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    private static string? StringAt(JsonObject config, string key) =>
        config[key] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static byte[] Purpose(Guid identityId) => Encoding.UTF8.GetBytes("custos/totp-url/v1:" + identityId.ToString("D"));
}
