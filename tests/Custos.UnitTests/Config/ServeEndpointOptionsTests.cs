using Custos.Config;

namespace Custos.UnitTests.Config;

public sealed class ServeEndpointOptionsTests
{
    [Theory]
    [InlineData("0.0.0.0", 4433, false, "https://127.0.0.1:4433/")]
    [InlineData("0.0.0.0", 4433, true, "http://127.0.0.1:4433/")]
    [InlineData("", 4434, true, "http://127.0.0.1:4434/")]
    [InlineData("::", 4434, true, "http://127.0.0.1:4434/")]
    [InlineData("auth.local", 8080, false, "https://auth.local:8080/")]
    [InlineData("::1", 8080, true, "http://[::1]:8080/")]
    public void EffectiveBaseUrl_WithoutBaseUrl_DerivesFromListener(string host, int port, bool dev, string expected)
    {
        var endpoint = new ServeEndpointOptions { Host = host, Port = port };

        Assert.Equal(expected, endpoint.EffectiveBaseUrl(dev));
    }

    [Fact]
    public void EffectiveBaseUrl_WithBaseUrl_UsesIt()
    {
        var endpoint = new ServeEndpointOptions { BaseUrl = "https://id.example.com/kratos", Port = 4433 };

        Assert.Equal("https://id.example.com/kratos/", endpoint.EffectiveBaseUrl(dev: true));
    }

    [Theory]
    [InlineData("/relative/", "serve.public.base_url: must be an absolute URL, got \"/relative/\"")]
    [InlineData("localhost:4433", "serve.public.base_url: must be a http or https URL with a host, got \"localhost:4433\"")]
    public void Load_BaseUrlNotAbsoluteHttp_Fails(string baseUrl, string expected)
    {
        var error = ConfigTestFiles.LoadFails(ConfigTestFiles.MinimalYaml + $"\nserve:\n  public:\n    base_url: \"{baseUrl}\"\n");

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Load_TlsAndRequestLog_Bind()
    {
        var serve = ConfigTestFiles.Load(ConfigTestFiles.MinimalYaml + """

            serve:
              admin:
                tls:
                  cert: {path: /etc/tls/cert.pem}
                  key: {base64: LS0tLS1=}
                request_log:
                  disable_for_health: true
            """).Options.Serve;

        Assert.True(serve.Admin.Tls.IsConfigured());
        Assert.Equal("/etc/tls/cert.pem", serve.Admin.Tls.Cert.Path);
        Assert.True(serve.Admin.RequestLog.DisableForHealth);
        Assert.False(serve.Public.Tls.IsConfigured());
    }
}
