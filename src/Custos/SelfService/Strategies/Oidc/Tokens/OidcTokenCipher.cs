using System.Security.Cryptography;
using System.Text;
using Custos.Config;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Oidc.Tokens;

/// <summary>
/// The upstream tokens of <c>oidc</c> credentials at rest (strategies contract §5.10), byte-compatible with Kratos's
/// <c>cipher</c> package so that tokens Kratos wrote open here and the other way round: <c>aes</c> = hex(12-byte nonce ‖
/// AES-256-GCM ciphertext ‖ tag), <c>xchacha20-poly1305</c> = hex(24-byte nonce ‖ ciphertext ‖ tag), the key being the
/// 32 bytes of a <c>secrets.cipher</c> entry (the first seals, every entry opens). Kratos's <c>noop</c> stores hex of the
/// plaintext, i.e. the tokens in clear; Custos never does: with <c>noop</c> it seals AES-256-GCM under
/// <c>secrets.cipher</c>, else <c>secrets.default</c>, else a per-process key, and marks the value with
/// <see cref="SealedPrefix"/> (hex never contains <c>:</c>, so Kratos's noop values still read as hex).
/// </summary>
internal sealed partial class OidcTokenCipher(IOptionsMonitor<CustosOptions> options, ILogger<OidcTokenCipher> logger) : IOidcTokenCipher
{
    /// <summary>Marks a token that Custos sealed in <c>noop</c> mode.</summary>
    public const string SealedPrefix = "custos-sealed:";

    private const int GcmNonceBytes = 12;
    private const int GcmTagBytes = 16;
    private readonly byte[] _processKey = RandomNumberGenerator.GetBytes(32);
    private int _warned;

    public string Encrypt(string token)
    {
        if (token.Length == 0)
        {
            return "";
        }

        var o = options.CurrentValue;
        var plaintext = Encoding.UTF8.GetBytes(token);
        var cipherKeys = CipherKeys(o.Secrets);
        return o.Ciphers.Algorithm switch
        {
            CipherAlgorithm.Aes when cipherKeys.Count > 0 => Convert.ToHexStringLower(SealGcm(cipherKeys[0], plaintext)),
            CipherAlgorithm.XChaCha20Poly1305 when cipherKeys.Count > 0 => Convert.ToHexStringLower(XChaCha20Poly1305.Seal(cipherKeys[0], plaintext)),
            _ => SealedPrefix + Convert.ToHexStringLower(SealGcm(SealingKeys(o.Secrets)[0], plaintext)),
        };
    }

    public string Decrypt(string stored)
    {
        if (stored.Length == 0)
        {
            return "";
        }

        var o = options.CurrentValue;
        var opened = stored.StartsWith(SealedPrefix, StringComparison.Ordinal)
            ? OpenWithAny(FromHex(stored[SealedPrefix.Length..]), SealingKeys(o.Secrets), OpenGcm)
            : o.Ciphers.Algorithm switch
            {
                CipherAlgorithm.Aes => OpenWithAny(FromHex(stored), CipherKeys(o.Secrets), OpenGcm),
                CipherAlgorithm.XChaCha20Poly1305 => OpenWithAny(FromHex(stored), CipherKeys(o.Secrets), (k, c) => XChaCha20Poly1305.Open(k, c)),
                _ => FromHex(stored),
            };
        return opened is null ? "" : Encoding.UTF8.GetString(opened);
    }

    // Kratos uses the secret's bytes as the key; the configuration check makes each entry 32 characters, and one that
    // is not 32 bytes in UTF-8 (non-ASCII) is stretched with SHA-256 rather than refused at the first token.
    private static List<byte[]> CipherKeys(SecretsOptions secrets) => secrets.Cipher
        .Select(s => Encoding.UTF8.GetBytes(s))
        .Select(b => b.Length == 32 ? b : SHA256.HashData(b))
        .ToList();

    private List<byte[]> SealingKeys(SecretsOptions secrets)
    {
        var keys = CipherKeys(secrets);
        keys.AddRange(secrets.Default.Select(s => SHA256.HashData(Encoding.UTF8.GetBytes(s))));
        if (keys.Count == 0 && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            LogProcessKey(logger);
        }

        keys.Add(_processKey);
        return keys;
    }

    private static byte[]? OpenWithAny(byte[]? sealedBytes, List<byte[]> keys, Func<byte[], byte[], byte[]?> open) =>
        sealedBytes is null ? null : keys.Select(k => open(k, sealedBytes)).FirstOrDefault(p => p is not null);

    private static byte[] SealGcm(byte[] key, byte[] plaintext)
    {
        var output = new byte[GcmNonceBytes + plaintext.Length + GcmTagBytes];
        var nonce = output.AsSpan(0, GcmNonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, GcmTagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(GcmNonceBytes, plaintext.Length), output.AsSpan(GcmNonceBytes + plaintext.Length));
        return output;
    }

    private static byte[]? OpenGcm(byte[] key, byte[] sealedBytes)
    {
        if (sealedBytes.Length < GcmNonceBytes + GcmTagBytes)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - GcmNonceBytes - GcmTagBytes];
        using var aes = new AesGcm(key, GcmTagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, GcmNonceBytes), sealedBytes.AsSpan(GcmNonceBytes, plaintext.Length), sealedBytes.AsSpan(GcmNonceBytes + plaintext.Length), plaintext);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[]? FromHex(string hex)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 13100, Level = LogLevel.Warning,
        Message = "ciphers.algorithm is noop and neither secrets.cipher nor secrets.default is configured: OIDC tokens are sealed with a per-process key and cannot be read after a restart or on another instance")]
    private static partial void LogProcessKey(ILogger logger);
}
