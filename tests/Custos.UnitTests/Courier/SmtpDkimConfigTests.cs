using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Custos.Config;
using Custos.UnitTests.Config;

namespace Custos.UnitTests.Courier;

/// <summary>
/// <c>courier.smtp.dkim</c> (a Custos extension) and <c>courier.smtp.from_address</c> are checked at start: all three
/// DKIM keys or none, DNS names, and a readable RSA (1024+ bits) or Ed25519 private key; each problem names its YAML path.
/// </summary>
public sealed class SmtpDkimConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-dkim-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Smtp(string yaml) =>
        ConfigTestFiles.MinimalYaml + "\ncourier:\n  smtp:\n" + string.Join('\n', yaml.Split('\n').Select(l => "    " + l)) + "\n";

    private static string Dkim(string? domain, string? selector, string? path) => "dkim:" +
        (domain is null ? "" : $"\n  domain: {domain}") + (selector is null ? "" : $"\n  selector: {selector}") + (path is null ? "" : $"\n  private_key_path: {path}");

    private string Write(string name, string pem)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, pem);
        return path;
    }

    [Fact]
    public void AllThreeKeys_WithAnRsaOrEd25519Key_Load()
    {
        var rsa = DkimTestKey.Rsa(_dir, "example.org", "s1").PrivateKeyPath;
        var ed25519 = DkimTestKey.Ed25519(_dir, "example.org", "s2").PrivateKeyPath;
        using var key = RSA.Create(2048);
        var pkcs8 = Write("pkcs8.pem", key.ExportPkcs8PrivateKeyPem());

        var loaded = new[] { rsa, ed25519, pkcs8 }.Select(p => ConfigTestFiles.Load(Smtp(Dkim("mail.example.org", "custos-2026", p)))).ToList();

        Assert.All(loaded, l => Assert.Equal("custos-2026", l.Options.Courier.Smtp.Dkim.Selector));
        Assert.Equal(pkcs8, loaded[2].Options.Courier.Smtp.Dkim.PrivateKeyPath);
    }

    [Fact]
    public void EnvironmentVariables_SetTheKeys()
    {
        var path = DkimTestKey.Ed25519(_dir, "example.org", "s").PrivateKeyPath;
        var environment = new Dictionary<string, string?>
        {
            ["COURIER_SMTP_DKIM_DOMAIN"] = "example.org",
            ["COURIER_SMTP_DKIM_SELECTOR"] = "env-selector",
            ["COURIER_SMTP_DKIM_PRIVATE_KEY_PATH"] = path,
        };

        var dkim = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml, environment).Options.Courier.Smtp.Dkim;

        Assert.Equal(("example.org", "env-selector", path), (dkim.Domain, dkim.Selector, dkim.PrivateKeyPath));
    }

    [Fact]
    public void OnlyTheDomain_NamesTheMissingKeys()
    {
        var error = ConfigTestFiles.LoadFails(Smtp(Dkim("example.org", null, null)));

        Assert.Contains(error.Errors, e => e.StartsWith("courier.smtp.dkim.selector: a value is required", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("courier.smtp.dkim.private_key_path: a value is required", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Errors, e => e.StartsWith("courier.smtp.dkim.domain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("domain", "example.org; l=0")]
    [InlineData("selector", "my selector")]
    public void NotADnsName_IsRefused(string key, string value)
    {
        var path = DkimTestKey.Rsa(_dir, "example.org", "s").PrivateKeyPath;
        var yaml = key == "domain" ? Dkim($"\"{value}\"", "s", path) : Dkim("example.org", $"\"{value}\"", path);

        var error = ConfigTestFiles.LoadFails(Smtp(yaml));

        Assert.Contains(error.Errors, e => e.StartsWith($"courier.smtp.dkim.{key}: \"{value}\" is not a DNS name", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> UnusableKeys => new()
    {
        { "missing", "does not exist" },
        { "garbage", "does not hold a PEM RSA or Ed25519 private key" },
        { "public", "does not hold a PEM RSA or Ed25519 private key" },
        { "certificate", "does not hold a PEM RSA or Ed25519 private key" },
        { "ecdsa", "does not hold a PEM RSA or Ed25519 private key" },
        { "encrypted", "is encrypted" },
        { "rsa512", "has 512 bits; DKIM needs at least 1024" },
    };

    [Theory]
    [MemberData(nameof(UnusableKeys))]
    public void UnusableKeyFile_FailsTheStart_NamingThePath_AndNeverTheKey(string kind, string expected)
    {
        using var rsa = RSA.Create(kind == "rsa512" ? 512 : 2048);
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = kind switch
        {
            "missing" => Path.Combine(_dir, "nope.pem"),
            "garbage" => Write("garbage.pem", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"),
            "public" => Write("public.pem", rsa.ExportSubjectPublicKeyInfoPem()),
            "certificate" => Write("cert.pem", new CertificateRequest("CN=x", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1)).ExportCertificatePem()),
            "ecdsa" => Write("ecdsa.pem", ecdsa.ExportPkcs8PrivateKeyPem()),
            "encrypted" => Write("encrypted.pem", rsa.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000))),
            _ => Write("small.pem", rsa.ExportRSAPrivateKeyPem()),
        };

        var error = ConfigTestFiles.LoadFails(Smtp(Dkim("example.org", "s", path)));

        var message = Assert.Single(error.Errors, e => e.StartsWith("courier.smtp.dkim.private_key_path: ", StringComparison.Ordinal));
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Contains(path, message, StringComparison.Ordinal);
        Assert.DoesNotContain("MII", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFromAddressThatIsNotAnAddress_IsRefused()
    {
        var error = ConfigTestFiles.LoadFails(Smtp("from_address: no-reply"));

        Assert.Contains(error.Errors, e => e.StartsWith("courier.smtp.from_address: \"no-reply\" is not an e-mail address", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutDkim_NothingIsRequired()
    {
        var loaded = ConfigTestFiles.Load(Smtp("from_address: accounts@bücher.example"));

        Assert.False(loaded.Options.Courier.Smtp.Dkim.Configured);
    }
}
