using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.UnitTests.SelfService.Hooks.WebHooks;

/// <summary>Kratos's request builder: Jsonnet for every method but TRACE, <c>error "cancel"</c>, form bodies, credentials.</summary>
public sealed class WebHookRequestRendererTests
{
    private static readonly JsonObject Ctx = new() { ["flow"] = new JsonObject { ["id"] = "f-1" }, ["identity"] = new JsonObject { ["traits"] = new JsonObject { ["email"] = "a b@example.com" } } };

    private static WebHookRequestRenderer Renderer() =>
        new(new WebHookBodyTemplates(new WebHookHttpHandler(new Custos.UnitTests.SelfService.TestOptions()), TimeProvider.System));

    private static WebHookConfig Config(string? jsonnet, Action<Dictionary<string, object?>>? more = null)
    {
        var config = new Dictionary<string, object?> { ["url"] = "https://hooks.example.com/x", ["method"] = "POST" };
        if (jsonnet is not null)
        {
            config["body"] = "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(jsonnet));
        }

        more?.Invoke(config);
        return WebHookConfig.From(JsonSerializer.SerializeToElement(config));
    }

    [Fact]
    public async Task JsonBody_ReadsCtx_AsArgumentAndAsExtVar()
    {
        var request = await Renderer().RenderAsync(Config("function(ctx) { a: ctx.flow.id, b: std.extVar('ctx').identity.traits.email }"), Ctx, CancellationToken.None);

        var body = JsonNode.Parse(request!.Body!)!;
        Assert.Equal("f-1", body["a"]!.GetValue<string>());
        Assert.Equal("a b@example.com", body["b"]!.GetValue<string>());
        Assert.Equal("application/json", request.ContentType);
    }

    [Theory]
    [InlineData("function(ctx) error 'cancel'")]
    [InlineData("error \"cancel\"\n")]
    public async Task CancellingTemplate_RendersNoRequest(string jsonnet)
    {
        Assert.Null(await Renderer().RenderAsync(Config(jsonnet), Ctx, CancellationToken.None));
    }

    [Fact]
    public async Task OtherErrors_AreA500()
    {
        var error = await Assert.ThrowsAsync<CustosException>(() => Renderer().RenderAsync(Config("function(ctx) error 'cancelled by mistake'"), Ctx, CancellationToken.None));

        Assert.Equal(500, error.Code);
    }

    [Fact]
    public async Task FormBody_IsTheSortedEncodedObject()
    {
        var config = Config("function(ctx) { z: 'last', email: ctx.identity.traits.email }", c => c["headers"] = new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded" });

        var request = await Renderer().RenderAsync(config, Ctx, CancellationToken.None);

        Assert.Equal("email=a+b%40example.com&z=last", request!.Body);
        Assert.Equal(WebHookContentTypes.Form, request.ContentType);
    }

    [Fact]
    public async Task Trace_HasNoBody_AndNeedsNoTemplate()
    {
        var request = await Renderer().RenderAsync(Config(null, c => c["method"] = "trace"), Ctx, CancellationToken.None);

        Assert.Equal("TRACE", request!.Method);
        Assert.Null(request.Body);
    }

    [Theory]
    [InlineData("GET", null, "got empty template path for request with body")]
    [InlineData("POST", "text/plain", "invalid config - incorrect Content-Type for request with body")]
    public async Task MissingTemplate_OrOtherContentType_IsA500(string method, string? contentType, string reason)
    {
        var config = Config(contentType is null ? null : "{}", c =>
        {
            c["method"] = method;
            if (contentType is not null)
            {
                c["headers"] = new Dictionary<string, string> { ["Content-Type"] = contentType };
            }
        });

        var error = await Assert.ThrowsAsync<CustosException>(() => Renderer().RenderAsync(config, Ctx, CancellationToken.None));

        Assert.Equal((500, reason), (error.Code, error.Reason));
    }

    [Fact]
    public void IgnoreTogetherWithParse_IsRefused()
    {
        var error = Assert.Throws<CustosException>(() => Config("{}", c => { c["response"] = new { ignore = true }; c["can_interrupt"] = true; }));

        Assert.Equal(500, error.Code);
    }

    [Fact]
    public async Task Credentials_BecomeHeaders()
    {
        var config = Config("{}", c => c["auth"] = new { type = "api_key", config = new { name = "X-Key", value = "v", @in = "header" } });

        var request = await Renderer().RenderAsync(config, Ctx, CancellationToken.None);

        Assert.Contains(new KeyValuePair<string, string>("X-Key", "v"), request!.Headers);
    }
}
