using System.Diagnostics;

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

    protected override async Task<string?> PrepareAsync()
    {
        var cert = Path.Combine(_dir, "cert.pem");
        var key = Path.Combine(_dir, "key.pem");
        ProcessStartInfo start = new("openssl")
        {
            ArgumentList = { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        try
        {
            using var openssl = Process.Start(start)!;
            await openssl.WaitForExitAsync();
            if (openssl.ExitCode != 0)
            {
                MarkUnavailable("openssl could not create a certificate: " + await openssl.StandardError.ReadToEndAsync());
                return null;
            }
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            MarkUnavailable("openssl is not available: " + e.Message);
            return null;
        }

        // MailDev passes these to the command line unquoted; the password has no spaces.
        return $"--incoming-secure --incoming-cert {cert} --incoming-key {key} --incoming-user {User} --incoming-pass {Password}";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
