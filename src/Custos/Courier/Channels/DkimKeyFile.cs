using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace Custos.Courier.Channels;

/// <summary>
/// The DKIM private key of <c>courier.smtp.dkim.private_key_path</c>: an unencrypted PEM RSA key (PKCS#1 or PKCS#8, at
/// least 1024 bits, which RFC 8301 makes the floor verifiers accept) or Ed25519 key (PKCS#8). Problems are described
/// without any of the file's content, so the key never reaches a log or a dispatch error.
/// </summary>
internal static class DkimKeyFile
{
    private const int MinimumRsaBits = 1024;

    /// <summary>The private key in <paramref name="path"/>, or null with <paramref name="error"/> saying why not.</summary>
    public static AsymmetricKeyParameter? Read(string path, out string? error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"the file \"{path}\" does not exist";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"the file \"{path}\" cannot be read ({e.GetType().Name})";
            return null;
        }

        if (text.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal) || text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            error = $"the key in \"{path}\" is encrypted; an unencrypted PEM key is required";
            return null;
        }

        object? pem;
        try
        {
            using var reader = new PemReader(new StringReader(text));
            pem = reader.ReadObject();
        }
        catch (Exception e) when (e is PasswordException or IOException or ArgumentException or InvalidCastException or FormatException or InvalidOperationException or Org.BouncyCastle.Security.SecurityUtilityException)
        {
            pem = null;
        }

        var key = pem switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } single => single,
            _ => null,
        };
        switch (key)
        {
            case RsaKeyParameters rsa when rsa.Modulus.BitLength < MinimumRsaBits:
                error = $"the RSA key in \"{path}\" has {rsa.Modulus.BitLength} bits; DKIM needs at least {MinimumRsaBits} (2048 recommended)";
                return null;
            case RsaKeyParameters or Ed25519PrivateKeyParameters:
                error = null;
                return key;
            default:
                error = $"\"{path}\" does not hold a PEM RSA or Ed25519 private key";
                return null;
        }
    }

    /// <summary>The DKIM signature algorithm for <paramref name="key"/>: <c>ed25519-sha256</c> or <c>rsa-sha256</c>.</summary>
    public static DkimSignatureAlgorithm AlgorithmOf(AsymmetricKeyParameter key) =>
        key is Ed25519PrivateKeyParameters ? DkimSignatureAlgorithm.Ed25519Sha256 : DkimSignatureAlgorithm.RsaSha256;
}
