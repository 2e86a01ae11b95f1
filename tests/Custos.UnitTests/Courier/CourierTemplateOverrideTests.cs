using System.Net;
using System.Text;
using Custos.Config;
using Custos.Courier.Templates;

namespace Custos.UnitTests.Courier;

/// <summary>Template overrides: Kratos's override directory, <c>courier.templates</c> URIs (file, base64, http), Go-style references.</summary>
public sealed class CourierTemplateOverrideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-templates-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Base64(string text) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static CourierTemplateVariantOptions Valid(CourierOptions courier, string key)
    {
        if (!courier.Templates.TryGetValue(key, out var set))
        {
            courier.Templates[key] = set = new CourierTemplateSetOptions();
        }

        return set.Valid;
    }

    [Fact]
    public async Task OverrideDirectory_UsesKratossLayout_AndGoStyleReferences()
    {
        Write("verification_code/valid/email.subject.gotmpl", "Code {{ .VerificationCode }} for {{ .Identity.traits.email }}\n");
        Write("verification_code/valid/email.body.plaintext.gotmpl", "Hi {{ .To }}, code: {{- .VerificationCode -}} .");
        Write("verification_code/valid/email.body.gotmpl", "<p>{{ .Identity.traits.name }}</p>");
        var renderer = TemplateTestHelpers.Renderer(c => c.TemplateOverridePath = _dir);

        var email = await renderer.RenderEmailAsync(CourierTemplateTypes.VerificationCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal("Code 314159 for ada@example.com", email.Subject);
        Assert.Equal("Hi ada@example.com, code:314159.", email.Body);
        Assert.Equal("<p>Ada &lt;Lovelace&gt;</p>", email.HtmlBody);
    }

    [Fact]
    public async Task OverrideDirectory_FallsBackToTheBuiltInForMissingFiles()
    {
        Write("login_code/valid/email.subject.gotmpl", "Custom {{ .LoginCode }}");
        var renderer = TemplateTestHelpers.Renderer(c => c.TemplateOverridePath = _dir);

        var email = await renderer.RenderEmailAsync(CourierTemplateTypes.LoginCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal("Custom 161803", email.Subject);
        Assert.Contains("161803", email.Body, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmsOverride_FromTheDirectory()
    {
        Write("login_code/valid/sms.body.gotmpl", "{{ .LoginCode }} is your code");
        var renderer = TemplateTestHelpers.Renderer(c => c.TemplateOverridePath = _dir);

        var sms = await renderer.RenderSmsAsync(CourierTemplateTypes.LoginCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal("161803 is your code", sms);
    }

    [Fact]
    public async Task ConfiguredUris_FileAndBase64_WinOverTheDirectory()
    {
        Write("recovery_code/valid/email.subject.gotmpl", "from the directory");
        var file = Path.Combine(_dir, "subject.hbs");
        await File.WriteAllTextAsync(file, "File subject {{RecoveryCode}}");
        var renderer = TemplateTestHelpers.Renderer(c =>
        {
            c.TemplateOverridePath = _dir;
            var valid = Valid(c, "recovery_code");
            valid.Email.Subject = "file://" + file;
            valid.Email.Body.Plaintext = Base64("Plain {{RecoveryCode}} & <b>");
            valid.Email.Body.Html = Base64("<b>{{RecoveryCode}}</b> {{Identity.traits.name}}");
        });

        var email = await renderer.RenderEmailAsync(CourierTemplateTypes.RecoveryCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal("File subject 271828", email.Subject);
        Assert.Equal("Plain 271828 & <b>", email.Body);
        Assert.Equal("<b>271828</b> Ada &lt;Lovelace&gt;", email.HtmlBody);
    }

    [Fact]
    public async Task ConfiguredUri_Http_IsFetched()
    {
        using var server = new HttpListener();
        var port = FreePort();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var serving = Task.Run(async () =>
        {
            var context = await server.GetContextAsync();
            var bytes = Encoding.UTF8.GetBytes("Remote {{ .RegistrationCode }}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        });
        var renderer = TemplateTestHelpers.Renderer(c => Valid(c, "registration_code").Email.Subject = $"http://127.0.0.1:{port}/subject.gotmpl");

        var email = await renderer.RenderEmailAsync(CourierTemplateTypes.RegistrationCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);
        await serving;

        Assert.Equal("Remote 141421", email.Subject);
    }

    [Fact]
    public async Task UnreachableRemoteTemplate_FallsBackToTheBuiltIn()
    {
        var renderer = TemplateTestHelpers.Renderer(c => Valid(c, "login_code").Email.Subject = $"http://127.0.0.1:{FreePort()}/gone.gotmpl");

        var email = await renderer.RenderEmailAsync(CourierTemplateTypes.LoginCodeValid, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal("Use code 161803 to log in", email.Subject);
    }

    [Fact]
    public async Task InvalidVariant_UsesTheInvalidEntry()
    {
        var renderer = TemplateTestHelpers.Renderer(c =>
        {
            c.Templates["recovery"] = new CourierTemplateSetOptions();
            c.Templates["recovery"].Invalid.Email.Subject = Base64("Unknown address {{To}}");
        });

        var invalid = await renderer.RenderEmailAsync(CourierTemplateTypes.RecoveryInvalid, TemplateTestHelpers.Data(), CancellationToken.None);
        var valid = await renderer.RenderEmailAsync(CourierTemplateTypes.RecoveryValid, TemplateTestHelpers.Data(), CancellationToken.None);

        Assert.Equal("Unknown address ada@example.com", invalid.Subject);
        Assert.Equal("Recover access to your account", valid.Subject);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
