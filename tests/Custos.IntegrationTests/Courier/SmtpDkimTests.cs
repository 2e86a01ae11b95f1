using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;
using MimeKit;
using MimeKit.Cryptography;

namespace Custos.IntegrationTests.Courier;

/// <summary>
/// DKIM signing (<c>courier.smtp.dkim</c>): the mail exactly as MailDev received it is checked with MimeKit's
/// <see cref="DkimVerifier"/> against the public key published for the configured domain and selector.
/// </summary>
public sealed class SmtpDkimTests(MailDevServer mail) : IClassFixture<MailDevServer>, IDisposable
{
    private const string Domain = "mail.example.org";
    private const string Selector = "custos2026";

    private readonly string _dir = Directory.CreateTempSubdirectory("custos-dkim-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CustosAppFactory App(string? privateKeyPath)
    {
        var dkim = privateKeyPath is null ? "" : $"""

              dkim:
                domain: {Domain}
                selector: {Selector}
                private_key_path: {privateKeyPath}
            """;
        return CourierSmtpApp.Create($"""
            smtp:
              connection_uri: smtp://127.0.0.1:{mail.SmtpPort}/?disable_starttls=true
              from_address: accounts@example.org
              from_name: Exämple Accounts
              headers:
                X-Custos-Test: dkim
            """ + dkim);
    }

    private async Task<MimeMessage> SendAndReceiveAsync(CustosAppFactory app)
    {
        var recipient = $"{Guid.NewGuid():N}@example.com";
        var id = await app.QueueLoginCodeAsync(recipient);
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent || m.Dispatches.Count > 0);
        Assert.Equal(CourierMessageStatus.Sent, message.Status);
        var email = Assert.Single(await mail.EmailsToAsync(recipient));
        using var raw = new MemoryStream(await mail.SourceAsync(email["id"]!.GetValue<string>()));
        return await MimeMessage.LoadAsync(raw);
    }

    private static async Task<bool> VerifiesAsync(MimeMessage received, IDkimPublicKeyLocator keys)
    {
        var index = received.Headers.IndexOf(HeaderId.DkimSignature);
        return index >= 0 && await new DkimVerifier(keys).VerifyAsync(received, received.Headers[index]);
    }

    [SkippableTheory]
    [InlineData("rsa-sha256")]
    [InlineData("ed25519-sha256")]
    public async Task SignedMail_AsReceived_VerifiesWithThePublishedKey(string algorithm)
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var key = algorithm == "rsa-sha256" ? DkimTestKey.Rsa(_dir, Domain, Selector) : DkimTestKey.Ed25519(_dir, Domain, Selector);
        using var app = App(key.PrivateKeyPath);

        var received = await SendAndReceiveAsync(app);

        Assert.True(await VerifiesAsync(received, key));
        var signature = received.Headers[HeaderId.DkimSignature];
        Assert.Contains($"a={algorithm};", signature, StringComparison.Ordinal);
        Assert.Contains($"d={Domain};", signature, StringComparison.Ordinal);
        Assert.Contains($"s={Selector};", signature, StringComparison.Ordinal);
        Assert.Equal("Exämple Accounts", received.From.Mailboxes.Single().Name);
        Assert.Contains("424242", received.HtmlBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task WithoutDkim_TheReceivedMailDoesNotVerify()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var key = DkimTestKey.Rsa(_dir, Domain, Selector);
        using var app = App(privateKeyPath: null);

        var received = await SendAndReceiveAsync(app);

        Assert.False(await VerifiesAsync(received, key));
        Assert.False(received.Headers.Contains(HeaderId.DkimSignature));
    }

    [SkippableFact]
    public async Task SignedWithAnotherKey_TheReceivedMailDoesNotVerify()
    {
        Skip.If(mail.Unavailable is not null, mail.Unavailable);
        var published = DkimTestKey.Rsa(_dir, Domain, Selector);
        var other = DkimTestKey.Rsa(_dir, Domain, Selector);
        using var app = App(other.PrivateKeyPath);

        var received = await SendAndReceiveAsync(app);

        Assert.True(received.Headers.Contains(HeaderId.DkimSignature));
        Assert.False(await VerifiesAsync(received, published));
    }
}
