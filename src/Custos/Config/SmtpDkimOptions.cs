using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// <c>courier.smtp.dkim</c>: DKIM signing (RFC 6376) of every e-mail sent over SMTP. A Custos extension: Kratos has no
/// such key. Either all three keys are set or none; the start fails otherwise, and when the key file is unreadable or
/// not an RSA or Ed25519 private key.
/// </summary>
internal sealed class SmtpDkimOptions
{
    /// <summary><c>courier.smtp.dkim.domain</c>: the signing domain (the signature's <c>d=</c> tag), e.g. <c>example.org</c>.</summary>
    [ConfigurationKeyName("domain")]
    public string? Domain { get; set; }

    /// <summary>
    /// <c>courier.smtp.dkim.selector</c>: the selector (<c>s=</c>); receivers look the public key up in DNS at
    /// <c>&lt;selector&gt;._domainkey.&lt;domain&gt;</c>.
    /// </summary>
    [ConfigurationKeyName("selector")]
    public string? Selector { get; set; }

    /// <summary>
    /// <c>courier.smtp.dkim.private_key_path</c>: an unencrypted PEM file with the private key: RSA of at least 1024 bits
    /// (<c>rsa-sha256</c>; PKCS#1 or PKCS#8) or Ed25519 (<c>ed25519-sha256</c>; PKCS#8). Read when each mail is signed,
    /// so a replaced key takes effect without a restart.
    /// </summary>
    [ConfigurationKeyName("private_key_path")]
    public string? PrivateKeyPath { get; set; }

    /// <summary>True when any of the three keys is set (start-up validation then requires all three).</summary>
    public bool Configured => !string.IsNullOrEmpty(Domain) || !string.IsNullOrEmpty(Selector) || !string.IsNullOrEmpty(PrivateKeyPath);
}
