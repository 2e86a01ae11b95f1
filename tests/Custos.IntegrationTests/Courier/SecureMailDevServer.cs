namespace Custos.IntegrationTests.Courier;

/// <summary>
/// MailDev with implicit TLS (<c>--incoming-secure</c>) under a freshly generated self-signed certificate for 127.0.0.1,
/// and authentication (<c>--incoming-user courier --incoming-pass <see cref="Password"/></c>).
/// </summary>
public sealed class SecureMailDevServer : MailDevServer
{
    public const string User = "courier";
    public const string Password = "s3cret:pass@word";

    private readonly string _dir = Directory.CreateTempSubdirectory("custos-maildev-tls-").FullName;

    protected override Task<string?> PrepareAsync()
    {
        var (cert, key) = TestCertificate.WritePem(_dir);

        // MailDev passes these to the command line unquoted; the password has no spaces.
        return Task.FromResult<string?>($"--incoming-secure --incoming-cert {cert} --incoming-key {key} --incoming-user {User} --incoming-pass {Password}");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
