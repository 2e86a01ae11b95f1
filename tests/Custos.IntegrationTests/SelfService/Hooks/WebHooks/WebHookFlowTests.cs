using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// <c>web_hook</c> after login through real flows, against a real receiver on a loopback port: the request a hook
/// target sees (Jsonnet body over Kratos's <c>ctx</c>, credentials, Kratos's headers) and how the answer steers the
/// login (contract §7.3, §7.4).
/// </summary>
public sealed partial class WebHookFlowTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private CustosAppFactory LoginApp(params JsonObject[] hooks) =>
        WebHookApp.Create(new JsonObject { ["login"] = WebHookApp.AfterPassword(hooks) }, _receiver);

    private static async Task<(FlowClient Client, HttpResponseMessage Response, JsonObject Flow)> LoginAsync(
        CustosAppFactory app, ClientKind kind = ClientKind.Api, JsonObject? transientPayload = null, string? email = null)
    {
        email ??= NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, kind);
        var flow = await client.InitAsync("login");
        var body = new JsonObject { ["method"] = "password", ["identifier"] = email, ["password"] = Password };
        if (kind != ClientKind.Api)
        {
            body["csrf_token"] = FlowClient.CsrfToken(flow);
        }

        if (transientPayload is not null)
        {
            body["transient_payload"] = transientPayload;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(flow["ui"]!["action"]!.GetValue<string>()).PathAndQuery)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.ParseAdd("custos-test/1.0");
        request.Headers.Add("X-Not-Allow-Listed", "secret");
        return (client, await client.Http.SendAsync(request), flow);
    }

    private static async Task<JsonObject> ErrorAsync(HttpResponseMessage response) => (await response.JsonAsync())["error"]!.AsObject();

    [SkippableFact]
    public async Task AfterLogin_PostsTheJsonnetBody_OverKratosContext()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url()));
        var email = NewEmail();

        var (_, response, flow) = await LoginAsync(app, ClientKind.Spa, new JsonObject { ["campaign"] = "spring" }, email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(await _receiver.WaitForAsync(1));
        Assert.Equal("POST", received.Method);
        Assert.Equal("application/json", received.Header("Content-Type"));
        var ctx = received.Json;
        var flowId = flow["id"]!.GetValue<string>();
        Assert.Equal(flowId, ctx["flow_id"]!.GetValue<string>());
        Assert.Equal(flowId, ctx["via_ext_var"]!.GetValue<string>());
        Assert.Equal("spring", ctx["transient_payload"]!["campaign"]!.GetValue<string>());
        Assert.Equal(email, ctx["traits"]!["email"]!.GetValue<string>());
        Assert.False(ctx["identity_has_credentials"]!.GetValue<bool>());
        Assert.False(ctx["identity_has_metadata_admin"]!.GetValue<bool>());
        Assert.NotNull(ctx["session_id"]);
        Assert.Equal("custos-test/1.0", ctx["request_headers"]!["User-Agent"]![0]!.GetValue<string>());
        Assert.Null(ctx["request_headers"]!["X-Not-Allow-Listed"]);
        Assert.Equal("POST", ctx["request_method"]!.GetValue<string>());
        Assert.StartsWith("http://localhost:4433/self-service/login?flow=" + flowId, ctx["request_url"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(ctx["request_cookies"]!.AsObject(), c => c.Key.StartsWith("csrf_token", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task AfterLogin_SendsKratosHeaders_AndNoneWithoutAnalyticsEvents()
    {
        using var app = LoginApp(
            WebHookApp.Hook(_receiver.Url("/with")),
            WebHookApp.Hook(_receiver.Url("/without"), more: c => c["emit_analytics_event"] = false));

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _receiver.WaitForAsync(2);
        var with = Assert.Single(received, r => r.Path == "/with");
        var without = Assert.Single(received, r => r.Path == "/without");
        Assert.True(Guid.TryParse(with.Header("Ory-Webhook-Request-ID"), out _));
        Assert.True(Guid.TryParse(with.Header("Ory-Webhook-Trigger-ID"), out _));
        Assert.Null(without.Header("Ory-Webhook-Request-ID"));
        Assert.Null(without.Header("Ory-Webhook-Trigger-ID"));
    }

    [SkippableFact]
    public async Task AfterLogin_SendsTheConfiguredCredentials_AndHeaders()
    {
        using var app = LoginApp(
            WebHookApp.Hook(_receiver.Url("/header"), auth: Auth("api_key", new() { ["name"] = "X-Api-Key", ["value"] = "k-123", ["in"] = "header" }),
                more: c => c["headers"] = new JsonObject { ["X-Custom"] = "custom value" }),
            WebHookApp.Hook(_receiver.Url("/cookie"), auth: Auth("api_key", new() { ["name"] = "hook_key", ["value"] = "c-456", ["in"] = "cookie" })),
            WebHookApp.Hook(_receiver.Url("/basic"), auth: Auth("basic_auth", new() { ["user"] = "hooker", ["password"] = "s3cret" })));

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _receiver.WaitForAsync(3);
        var header = Assert.Single(received, r => r.Path == "/header");
        Assert.Equal("k-123", header.Header("X-Api-Key"));
        Assert.Equal("custom value", header.Header("X-Custom"));
        Assert.Equal("hook_key=c-456", Assert.Single(received, r => r.Path == "/cookie").Header("Cookie"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hooker:s3cret")), Assert.Single(received, r => r.Path == "/basic").Header("Authorization"));
    }

    private static JsonObject Auth(string type, JsonObject config) => new() { ["type"] = type, ["config"] = config };

    [SkippableFact]
    public async Task AfterLogin_FormEncodedBody_AndGetWithBody()
    {
        using var app = LoginApp(
            WebHookApp.Hook(_receiver.Url("/form"), body: WebHookApp.Base64("function(ctx) { email: ctx.identity.traits.email, kind: 'login attempt' }"),
                more: c => c["headers"] = new JsonObject { ["Content-Type"] = "application/x-www-form-urlencoded" }),
            WebHookApp.Hook(_receiver.Url("/get"), method: "GET", body: WebHookApp.Base64("function(ctx) { flow: ctx.flow.id }")));
        var email = NewEmail();

        var (_, response, _) = await LoginAsync(app, email: email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = await _receiver.WaitForAsync(2);
        var form = Assert.Single(received, r => r.Path == "/form");
        Assert.Equal("application/x-www-form-urlencoded", form.Header("Content-Type"));
        Assert.Equal($"email={Uri.EscapeDataString(email)}&kind=login+attempt", form.Body);
        var get = Assert.Single(received, r => r.Path == "/get");
        Assert.Equal("GET", get.Method);
        Assert.NotNull(get.Json["flow"]);
    }

    [SkippableFact]
    public async Task AfterLogin_TemplateThatCancels_SendsNothing_AndTheLoginGoesOn()
    {
        using var app = LoginApp(WebHookApp.Hook(_receiver.Url(), body: WebHookApp.Base64("function(ctx) error 'cancel'")));

        var (_, response, _) = await LoginAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(200);
        Assert.Empty(_receiver.Requests);
    }

    [SkippableFact]
    public async Task AfterLogin_BodyFromAFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"custos-hook-{Guid.NewGuid():N}.jsonnet");
        await File.WriteAllTextAsync(path, "function(ctx) { from_file: true, email: ctx.identity.traits.email }");
        try
        {
            using var app = LoginApp(WebHookApp.Hook(_receiver.Url(), body: "file://" + path));

            var (_, response, _) = await LoginAsync(app);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(Assert.Single(await _receiver.WaitForAsync(1)).Json["from_file"]!.GetValue<bool>());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
