using System.Diagnostics;
using Custos.Config;
using Custos.IntegrationTests.Oidc.Mapper;
using Custos.SelfService.Strategies.Oidc.Tokens;
using Microsoft.Extensions.Logging.Abstractions;

namespace Custos.IntegrationTests.Oidc.Tokens;

/// <summary>
/// Tokens Custos stores open with an independent implementation (node:crypto, <c>open-token.mjs</c>), so Kratos reading
/// the same database, or an operator's script, gets them back.
/// </summary>
public sealed class OidcTokenCipherInteropTests
{
    private const string Secret = "secret-thirty-two-character-long";
    private const string Token = "1//0gAn-upstream-refresh-token_ü";

    private static OidcTokenCipher Cipher(CipherAlgorithm algorithm)
    {
        var options = new CustosOptions();
        options.Ciphers.Algorithm = algorithm;
        options.Secrets.Cipher = [Secret];
        return new OidcTokenCipher(new FixedOptions(options), NullLogger<OidcTokenCipher>.Instance);
    }

    private static async Task<string> OpenWithNodeAsync(string alg, string hex)
    {
        var script = Path.Combine(TestFixtures.RepositoryRoot, "tests", "Custos.IntegrationTests", "Oidc", "Tokens", "open-token.mjs");
        var start = new ProcessStartInfo("node", [script]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Skip.If(true, "node is not installed");
            throw;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync($$"""{"alg":"{{alg}}","key":"{{Secret}}","hex":"{{hex}}"}""");
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, error);
            return output;
        }
    }

    [SkippableTheory]
    [InlineData("aes")]
    [InlineData("xchacha20-poly1305")]
    public async Task WhatCustosEncrypts_OpensWithNodeCrypto(string alg)
    {
        var stored = Cipher(alg == "aes" ? CipherAlgorithm.Aes : CipherAlgorithm.XChaCha20Poly1305).Encrypt(Token);

        Assert.Equal(Token, await OpenWithNodeAsync(alg, stored));
    }

    [SkippableFact]
    public async Task NoopSealedTokens_AreAesGcmUnderTheCipherSecret_BehindTheMarker()
    {
        var stored = Cipher(CipherAlgorithm.Noop).Encrypt(Token);

        Assert.StartsWith(OidcTokenCipher.SealedPrefix, stored, StringComparison.Ordinal);
        Assert.Equal(Token, await OpenWithNodeAsync("aes", stored[OidcTokenCipher.SealedPrefix.Length..]));
    }
}
