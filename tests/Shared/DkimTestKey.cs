using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities.IO.Pem;

namespace Custos.Tests.Shared;

/// <summary>
/// A fresh DKIM key pair: the private half as a PEM file for <c>courier.smtp.dkim.private_key_path</c>, the public half
/// served by this locator in place of the DNS record <c>&lt;selector&gt;._domainkey.&lt;domain&gt;</c> (no other name answers).
/// </summary>
public sealed class DkimTestKey : IDkimPublicKeyLocator
{
    private readonly AsymmetricKeyParameter _publicKey;
    private readonly string _domain;
    private readonly string _selector;

    private DkimTestKey(string privateKeyPath, AsymmetricKeyParameter publicKey, string domain, string selector)
    {
        PrivateKeyPath = privateKeyPath;
        _publicKey = publicKey;
        _domain = domain;
        _selector = selector;
    }

    public string PrivateKeyPath { get; }

    /// <summary>A 2048-bit RSA key as PKCS#1 PEM (<c>BEGIN RSA PRIVATE KEY</c>).</summary>
    public static DkimTestKey Rsa(string dir, string domain, string selector)
    {
        using var rsa = RSA.Create(2048);
        var path = Path.Combine(dir, $"dkim-rsa-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, rsa.ExportRSAPrivateKeyPem());
        return new DkimTestKey(path, DotNetUtilities.GetRsaPublicKey(rsa.ExportParameters(false)), domain, selector);
    }

    /// <summary>An Ed25519 key as PKCS#8 PEM (<c>BEGIN PRIVATE KEY</c>).</summary>
    public static DkimTestKey Ed25519(string dir, string domain, string selector)
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var path = Path.Combine(dir, $"dkim-ed25519-{Guid.NewGuid():N}.pem");
        using (var writer = new StreamWriter(path))
        {
            new PemWriter(writer).WriteObject(new PemObject("PRIVATE KEY", PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.Private).GetEncoded()));
        }

        return new DkimTestKey(path, pair.Public, domain, selector);
    }

    public AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        domain == _domain && selector == _selector
            ? _publicKey
            : throw new InvalidOperationException($"no DKIM key published at {selector}._domainkey.{domain}");

    public Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
