using System.Text;
using System.Text.Json.Nodes;
using Custos.Courier;
using Custos.Courier.Templates;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Courier;

/// <summary>The HTTP channels (e-mail with <c>delivery_strategy: http</c>, SMS through <c>courier.channels</c>) against a recording server.</summary>
public sealed class HttpChannelTests : IDisposable
{
    private readonly RecordingHttpServer _server = new();

    public void Dispose() => _server.Dispose();

    private static string Base64(string text) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static async Task<Guid> QueueSmsAsync(CustosAppFactory app, string phone)
    {
        app.Admin();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICourier>().QueueSmsAsync(
            phone, CourierTemplateTypes.VerificationCodeValid, new JsonObject { ["VerificationCode"] = "777111" }, CancellationToken.None);
    }

    [Fact]
    public async Task Email_OverHttp_SendsTheJsonnetBody_WithBasicAuth()
    {
        var body = """
            function(ctx) {
              to: ctx.recipient,
              kind: ctx.template_type,
              type: ctx.message_type,
              code: ctx.template_data.login_code,
              subject: ctx.subject,
              text: ctx.body,
              has_html: std.objectHas(ctx, 'html_body') && std.length(ctx.html_body) > 0,
              headers: ctx.request_headers,
            }
            """;
        using var app = CourierSmtpApp.Create($"""
            delivery_strategy: http
            http:
              request_config:
                url: {_server.Url("/mail")}
                method: POST
                headers:
                  X-Tenant: acme
                body: {Base64(body)}
                auth:
                  type: basic_auth
                  config:
                    user: mailer
                    password: p4ss
            """);
        var recipient = $"{Guid.NewGuid():N}@example.com";

        var id = await app.QueueLoginCodeAsync(recipient);
        var request = await _server.WaitForAsync("/mail");
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);

        Assert.NotNull(request);
        Assert.Equal("POST", request.Method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("mailer:p4ss")), request.Headers["Authorization"]);
        Assert.Equal("acme", request.Headers["X-Tenant"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var json = JsonNode.Parse(request.Body)!;
        Assert.Equal(recipient, json["to"]!.GetValue<string>());
        Assert.Equal("login_code_valid", json["kind"]!.GetValue<string>());
        Assert.Equal("email", json["type"]!.GetValue<string>());
        Assert.Equal("424242", json["code"]!.GetValue<string>());
        Assert.Equal("Use code 424242 to log in", json["subject"]!.GetValue<string>());
        Assert.Contains("424242", json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(json["has_html"]!.GetValue<bool>());
        Assert.Equal(CourierMessageStatus.Sent, message.Status);
        Assert.Equal(CourierMessageDispatch.Success, Assert.Single(message.Dispatches).Status);
    }

    [Fact]
    public async Task Sms_ThroughTheSmsChannel_UsesTheDefaultBody_AndAnApiKeyHeader()
    {
        using var app = CourierSmtpApp.Create($"""
            channels:
              - id: sms
                type: http
                request_config:
                  url: {_server.Url("/sms")}
                  auth:
                    type: api_key
                    config:
                      name: X-Api-Key
                      value: key-123
                      in: header
            """);

        var id = await QueueSmsAsync(app, "+15550123");
        var request = await _server.WaitForAsync("/sms");
        var message = await app.WaitForAsync(id, m => m.Status == CourierMessageStatus.Sent);

        Assert.NotNull(request);
        Assert.Equal("key-123", request.Headers["X-Api-Key"]);
        var json = JsonNode.Parse(request.Body)!;
        Assert.Equal("+15550123", json["recipient"]!.GetValue<string>());
        Assert.Equal("verification_code_valid", json["template_type"]!.GetValue<string>());
        Assert.Equal("777111", json["verification_code"]!.GetValue<string>());
        Assert.StartsWith("Your verification code is: 777111", json["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(CourierMessageStatus.Sent, message.Status);
    }

    [Fact]
    public async Task ApiKey_InCookie_IsSentAsACookie()
    {
        using var app = CourierSmtpApp.Create($"""
            channels:
              - id: sms
                type: http
                request_config:
                  url: {_server.Url("/cookie")}
                  auth:
                    type: api_key
                    config:
                      name: session
                      value: abc
                      in: cookie
            """);

        await QueueSmsAsync(app, "+15550124");
        var request = await _server.WaitForAsync("/cookie");

        Assert.NotNull(request);
        Assert.Equal("session=abc", request.Headers["Cookie"]);
    }

    [Theory]
    [InlineData("local secrets = importstr '/etc/hostname'; function(ctx) { s: secrets }", "imports are disabled")]
    [InlineData("function(ctx) { broken: ", "does not evaluate")]
    public async Task UnusableJsonnet_IsAFailedDispatch_NotACrash(string body, string expected)
    {
        // A broken body in the config fails the start; one that breaks later (a file edited while running) must only
        // fail the dispatch.
        var file = Path.Combine(Path.GetTempPath(), $"custos-body-{Guid.NewGuid():N}.jsonnet");
        await File.WriteAllTextAsync(file, "function(ctx) { to: ctx.recipient }");
        try
        {
            using var app = CourierSmtpApp.Create($"""
                channels:
                  - id: sms
                    type: http
                    request_config:
                      url: {_server.Url("/never")}
                      body: file://{file}
                """);
            app.Admin();
            await File.WriteAllTextAsync(file, body);

            var id = await QueueSmsAsync(app, "+15550125");
            var message = await app.WaitForAsync(id, m => m.Dispatches.Count > 0);

            Assert.Equal(CourierMessageStatus.Queued, message.Status);
            var dispatch = Assert.Single(message.Dispatches);
            Assert.Equal(CourierMessageDispatch.Failed, dispatch.Status);
            Assert.Contains(expected, dispatch.Error, StringComparison.Ordinal);
            Assert.Empty(_server.Requests);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task UpstreamError_IsAFailedDispatch_WithTheStatusCode()
    {
        _server.StatusCode = 503;
        using var app = CourierSmtpApp.Create($"""
            channels:
              - id: sms
                type: http
                request_config:
                  url: {_server.Url("/down")}
            """);

        var id = await QueueSmsAsync(app, "+15550126");
        var message = await app.WaitForAsync(id, m => m.Dispatches.Count > 0);

        Assert.Equal(CourierMessageStatus.Queued, message.Status);
        Assert.Contains("status code 503", Assert.Single(message.Dispatches).Error, StringComparison.Ordinal);
    }
}
