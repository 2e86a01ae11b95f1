using System.Text;
using Custos.UnitTests.Config;

namespace Custos.UnitTests.Courier;

/// <summary>Bad courier settings fail the start with a message naming the YAML path.</summary>
public sealed class CourierConfigCheckTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-courier-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Base64(string text) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Courier(string yaml) =>
        ConfigTestFiles.MinimalYaml + "\ncourier:\n" + string.Join('\n', yaml.Split('\n').Select(l => "  " + l)) + "\n";

    [Theory]
    [InlineData("smtp:\n  connection_uri: smtp://mail.example.com/?skip_ssl_verify=maybe", "courier.smtp.connection_uri: skip_ssl_verify must be true or false")]
    [InlineData("templates:\n  login_code:\n    valid:\n      email:\n        subject: base64://e3sjaWYgWH19", "courier.templates.login_code.valid.email.subject: the EmailSubject template is not usable")]
    [InlineData("templates:\n  login_code:\n    valid:\n      email:\n        subject: ftp://example.com/x", "courier.templates.login_code.valid.email.subject: unsupported template URI scheme")]
    [InlineData("templates:\n  login_code:\n    valid:\n      email:\n        subject: file:///nonexistent/custos/subject.gotmpl", "courier.templates.login_code.valid.email.subject: the EmailSubject template is not usable")]
    [InlineData("templates:\n  logincode:\n    valid:\n      email:\n        subject: base64://eA==", "courier.templates.logincode: unknown template type")]
    [InlineData("template_override_path: /nonexistent/custos/templates", "courier.template_override_path: the directory \"/nonexistent/custos/templates\" does not exist")]
    [InlineData("channels:\n  - id: sms\n    type: http\n    request_config:\n      url: http://127.0.0.1:1/\n      auth:\n        type: api_key\n        config:\n          in: header", "courier.channels[0].request_config.auth.config: api_key requires name and value")]
    public void BadSetting_NamesTheYamlPath(string yaml, string expected)
    {
        var error = ConfigTestFiles.LoadFails(Courier(yaml));

        Assert.Contains(error.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenJsonnetBody_NamesTheYamlPath()
    {
        var error = ConfigTestFiles.LoadFails(Courier($"channels:\n  - id: sms\n    type: http\n    request_config:\n      url: http://127.0.0.1:1/\n      body: {Base64("function(ctx) { a: ")}"));

        Assert.Contains(error.Errors, e => e.StartsWith("courier.channels[0].request_config.body: ", StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenOverrideFile_NamesTheDirectoryAndFile()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "recovery_code", "valid"));
        File.WriteAllText(Path.Combine(_dir, "recovery_code", "valid", "email.subject.gotmpl"), "{{ .RecoveryCode | upper }}");

        var error = ConfigTestFiles.LoadFails(Courier($"template_override_path: {_dir}"));

        Assert.Contains(error.Errors, e => e.StartsWith("courier.template_override_path: " + Path.Combine(_dir, "recovery_code/valid/email.subject.gotmpl"), StringComparison.Ordinal));
    }

    [Fact]
    public void UsableSettings_Load()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "login_code", "valid"));
        File.WriteAllText(Path.Combine(_dir, "login_code", "valid", "email.subject.gotmpl"), "Code {{ .LoginCode }}");

        var result = ConfigTestFiles.Load(Courier($"""
            template_override_path: {_dir}
            smtp:
              connection_uri: smtps://user:pass@mail.example.com:465/?skip_ssl_verify=false
            templates:
              login_code:
                valid:
                  email:
                    subject: {Base64("Use {{LoginCode}}")}
            channels:
              - id: sms
                type: http
                request_config:
                  url: http://127.0.0.1:1/
                  body: {Base64("function(ctx) { to: ctx.recipient }")}
            """));

        Assert.Equal(_dir, result.Options.Courier.TemplateOverridePath);
    }
}
