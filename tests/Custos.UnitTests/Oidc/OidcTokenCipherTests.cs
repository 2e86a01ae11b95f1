using System.Text;
using Custos.Config;
using Custos.SelfService.Strategies.Oidc.Tokens;
using Custos.UnitTests.SelfService;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.UnitTests.Oidc;

/// <summary>
/// The stored form of upstream tokens: Kratos's byte layouts, checked against ciphertexts made by other
/// implementations (Kratos's own AES fixture; XChaCha20-Poly1305 and AES-GCM vectors made once with Python's
/// <c>cryptography</c> and a hand-written HChaCha20 checked against draft-irtf-cfrg-xchacha-03 §2.2.1).
/// </summary>
public sealed class OidcTokenCipherTests
{
    private const string KratosTestSecret = "secret-thirty-two-character-long";
    private const string Token = "ya29.an-upstream-access-token";

    private static OidcTokenCipher Cipher(string algorithm, string[]? cipher = null, string[]? defaults = null) => Cipher(
        algorithm switch
        {
            "aes" => CipherAlgorithm.Aes,
            "xchacha20-poly1305" => CipherAlgorithm.XChaCha20Poly1305,
            _ => CipherAlgorithm.Noop,
        },
        cipher,
        defaults);

    private static OidcTokenCipher Cipher(CipherAlgorithm algorithm, string[]? cipher = null, string[]? defaults = null) =>
        new(new TestOptions(o =>
        {
            o.Ciphers.Algorithm = algorithm;
            o.Secrets.Cipher = [.. cipher ?? []];
            o.Secrets.Default = [.. defaults ?? []];
        }), NullLogger<OidcTokenCipher>.Instance);

    [Fact]
    public void Aes_OpensKratosOwnFixture()
    {
        // ory/kratos cipher/cipher_test.go TestAESBackwardsCompatibility (secret and plaintext as given there).
        const string kratos = "74756223e46170ef0579f207af41b7ed435d649ae94f22bd57934398e9861870e58feba1e949d28f18dfdda6395eabf4d2d31fdeb2b07c4c428e9829509470f6d8e23c17708f1368b6";

        var plaintext = Cipher(CipherAlgorithm.Aes, ["change this password to a secret"]).Decrypt(kratos);

        Assert.Equal("fixture: encrypted with caller-supplied nonce", plaintext);
    }

    [Fact]
    public void Aes_OpensAVectorFromAnotherImplementation()
    {
        const string python = "101112131415161718191a1b9bea1c85858ec795722c2e2f0eb6f74b0d2dfc86881dcd6229c6403cb95a6f354fb63b516318d54224d9433ce2";

        Assert.Equal(Token, Cipher(CipherAlgorithm.Aes, [KratosTestSecret]).Decrypt(python));
    }

    [Fact]
    public void XChaCha_OpensAVectorFromAnotherImplementation()
    {
        const string python = "404142434445464748494a4b4c4d4e4f5051525354555657ba9b760ad07384f75153829841afeb69b0b128bc55a9a04554eeeac3573d5b85e4a02d25d4ad78fb9f927c3d0f";

        Assert.Equal(Token, Cipher(CipherAlgorithm.XChaCha20Poly1305, [KratosTestSecret]).Decrypt(python));
    }

    [Theory]
    [InlineData("aes", 12)]
    [InlineData("xchacha20-poly1305", 24)]
    public void Encrypt_WritesLowerHexOfNonceCiphertextAndTag_WithAFreshNonce(string algorithm, int nonceBytes)
    {
        var cipher = Cipher(algorithm, [KratosTestSecret]);

        var first = cipher.Encrypt(Token);
        var second = cipher.Encrypt(Token);

        Assert.Matches("^[0-9a-f]+$", first);
        Assert.Equal(2 * (nonceBytes + Encoding.UTF8.GetByteCount(Token) + 16), first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(Token, cipher.Decrypt(first));
        Assert.Equal(Token, cipher.Decrypt(second));
    }

    [Theory]
    [InlineData("aes")]
    [InlineData("xchacha20-poly1305")]
    public void Decrypt_TriesEveryCipherSecret_SoSecretsCanRotate(string algorithm)
    {
        const string old = "an-old-secret-of-thirty-two-char";
        var stored = Cipher(algorithm, [old]).Encrypt(Token);

        var rotated = Cipher(algorithm, ["a-new-secret-of-thirty-two-chars", old]);

        Assert.Equal(Token, rotated.Decrypt(stored));
        Assert.NotEqual(Token, Cipher(algorithm, ["a-new-secret-of-thirty-two-chars"]).Decrypt(stored));
    }

    [Theory]
    [InlineData("aes")]
    [InlineData("xchacha20-poly1305")]
    [InlineData("noop")]
    public void Decrypt_AnswersEmpty_ForWhatDoesNotOpen(string algorithm)
    {
        var stored = Cipher(algorithm, [KratosTestSecret]).Encrypt(Token);
        var other = Cipher(algorithm, ["another-secret-thirty-two-chars!"]);

        Assert.Equal("", other.Decrypt(stored));
        Assert.Equal("", other.Decrypt(OidcTokenCipher.SealedPrefix + "zz"));
        Assert.Equal("", Cipher(CipherAlgorithm.Aes, [KratosTestSecret]).Decrypt("not-hex"));
        Assert.Equal("", Cipher(CipherAlgorithm.XChaCha20Poly1305, [KratosTestSecret]).Decrypt("00112233"));
    }

    [Theory]
    [InlineData("aes")]
    [InlineData("xchacha20-poly1305")]
    [InlineData("noop")]
    public void EmptyTokens_StayEmpty(string algorithm)
    {
        var cipher = Cipher(algorithm, [KratosTestSecret]);

        Assert.Equal("", cipher.Encrypt(""));
        Assert.Equal("", cipher.Decrypt(""));
    }

    [Fact]
    public void Noop_NeverStoresTheTokenInClear_AndStillReadsKratosNoopHex()
    {
        var cipher = Cipher(CipherAlgorithm.Noop);
        var kratosNoop = Convert.ToHexStringLower(Encoding.UTF8.GetBytes(Token));

        var stored = cipher.Encrypt(Token);

        Assert.StartsWith(OidcTokenCipher.SealedPrefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(kratosNoop, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, stored, StringComparison.Ordinal);
        Assert.Equal(Token, cipher.Decrypt(stored));
        Assert.Equal(Token, cipher.Decrypt(kratosNoop));
    }

    [Fact]
    public void Noop_SealsUnderTheCipherSecret_ElseTheDefaultSecret()
    {
        var withCipher = Cipher(CipherAlgorithm.Noop, [KratosTestSecret]).Encrypt(Token);
        var withDefault = Cipher(CipherAlgorithm.Noop, defaults: ["a-default-secret-0123"]).Encrypt(Token);

        Assert.Equal(Token, Cipher(CipherAlgorithm.Noop, [KratosTestSecret]).Decrypt(withCipher));
        Assert.Equal(Token, Cipher(CipherAlgorithm.Noop, defaults: ["a-default-secret-0123"]).Decrypt(withDefault));
        Assert.Equal("", Cipher(CipherAlgorithm.Noop, defaults: ["another-default-secret"]).Decrypt(withDefault));

        // A sealed value stays readable after switching to aes with the same cipher secret.
        Assert.Equal(Token, Cipher(CipherAlgorithm.Aes, [KratosTestSecret]).Decrypt(withCipher));
    }

    [Fact]
    public void Noop_WithoutAnySecret_UsesAKeyOfThisInstanceOnly()
    {
        var cipher = Cipher(CipherAlgorithm.Noop);

        var stored = cipher.Encrypt(Token);

        Assert.Equal(Token, cipher.Decrypt(stored));
        Assert.Equal("", Cipher(CipherAlgorithm.Noop).Decrypt(stored));
    }
}
