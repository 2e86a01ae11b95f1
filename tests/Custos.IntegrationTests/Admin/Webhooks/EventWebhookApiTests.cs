using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.Hooks.WebHooks;

namespace Custos.IntegrationTests.Admin.Webhooks;

/// <summary><c>/admin/webhooks</c>: create (the secret shown once, sealed at rest), list, get, delete, and every bad input a 400 envelope.</summary>
public sealed class EventWebhookApiTests : IDisposable
{
    private readonly WebHookReceiver _receiver = new();
    private readonly EventWebhookHost _app;

    public EventWebhookApiTests()
    {
        _app = new EventWebhookHost(_receiver, worker: false);
    }

    public void Dispose()
    {
        _app.Dispose();
        _receiver.Dispose();
    }

    [SkippableFact]
    public async Task Create_ShowsTheSecretOnce_ListAndGetNever()
    {
        var response = await _app.Admin().PostJsonAsync("/admin/webhooks", """{"url":"https://hooks.example.com/custos","events":["identity.*","login.failed","identity.*"]}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.JsonAsync()).AsObject();
        var id = created["id"]!.GetValue<string>();
        Assert.Equal($"http://localhost:{CustosAppFactory.AdminPort}/admin/webhooks/{id}", response.Headers.Location!.ToString());
        Assert.Equal("https://hooks.example.com/custos", created["url"]!.GetValue<string>());
        Assert.Equal(["identity.*", "login.failed"], created["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        var secret = created["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);

        var listed = Assert.Single((await (await _app.Admin().GetAsync("/admin/webhooks")).JsonAsync()).AsArray())!.AsObject();
        var fetched = (await (await _app.Admin().GetAsync($"/admin/webhooks/{id}")).JsonAsync()).AsObject();
        foreach (var shown in new[] { listed, fetched })
        {
            Assert.Equal(id, shown["id"]!.GetValue<string>());
            Assert.False(shown.ContainsKey("secret"));
            Assert.DoesNotContain(secret["whsec_".Length..], shown.ToJsonString());
        }
    }

    [SkippableFact]
    public async Task Secret_IsSealedAtRest()
    {
        var created = await _app.SubscribeAsync("https://hooks.example.com/custos", "*");
        var secret = created["secret"]!.GetValue<string>();

        var stored = await _app.QueryScalarAsync<string>("SELECT secret FROM event_webhooks");

        Assert.DoesNotContain(secret["whsec_".Length..], stored);
        Assert.DoesNotContain("whsec_", stored);
    }

    [SkippableFact]
    public async Task Delete_RemovesTheSubscription()
    {
        var id = (await _app.SubscribeAsync("https://hooks.example.com/custos", "*"))["id"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.NoContent, (await _app.Admin().DeleteAsync($"/admin/webhooks/{id}")).StatusCode);

        await AssertNotFoundAsync(await _app.Admin().GetAsync($"/admin/webhooks/{id}"));
        await AssertNotFoundAsync(await _app.Admin().DeleteAsync($"/admin/webhooks/{id}"));
        Assert.Empty((await (await _app.Admin().GetAsync("/admin/webhooks")).JsonAsync()).AsArray());
    }

    [SkippableTheory]
    [InlineData("/admin/webhooks/not-a-uuid")]
    [InlineData("/admin/webhooks/8a7c0d3e-2f41-4c77-9a55-0f1b2c3d4e5f")]
    [InlineData("/admin/webhooks/8a7c0d3e-2f41-4c77-9a55-0f1b2c3d4e5f/deliveries")]
    [InlineData("/admin/webhooks/not-a-uuid/deliveries")]
    public async Task UnknownWebhook_Is404(string path)
    {
        await AssertNotFoundAsync(await _app.Admin().GetAsync(path));
        if (!path.EndsWith("/deliveries", StringComparison.Ordinal))
        {
            await AssertNotFoundAsync(await _app.Admin().DeleteAsync(path));
        }
    }

    [SkippableTheory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("{}")]
    [InlineData("""{"events":["*"]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h"}""")]
    [InlineData("""{"url":42,"events":["*"]}""")]
    [InlineData("""{"url":"","events":["*"]}""")]
    [InlineData("""{"url":"/relative/path","events":["*"]}""")]
    [InlineData("""{"url":"ftp://hooks.example.com/h","events":["*"]}""")]
    [InlineData("""{"url":"javascript:alert(1)","events":["*"]}""")]
    [InlineData("""{"url":"https://user:pw@hooks.example.com/h","events":["*"]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":[]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":"*"}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":[1]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":[null]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":["identity.creatd"]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":["nothing.*"]}""")]
    [InlineData("""{"url":"https://hooks.example.com/h","events":["*.created"]}""")]
    [InlineData("""{"url":"http://10.1.2.3/h","events":["*"]}""")]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data","events":["*"]}""")]
    [InlineData("""{"url":"http://[::1]:8080/h","events":["*"]}""")]
    [InlineData("""{"url":"http://127.0.0.1:9/outside-the-exempt-port","events":["*"]}""")]
    public async Task BadInput_Is400InKratosEnvelope(string body)
    {
        var response = await _app.Admin().PostJsonAsync("/admin/webhooks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.JsonAsync())["error"]!;
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Empty((await (await _app.Admin().GetAsync("/admin/webhooks")).JsonAsync()).AsArray());
    }

    [SkippableFact]
    public async Task LiteralLoopbackUrl_IsAccepted_WhenClientsHttpExemptsIt()
    {
        var created = await _app.SubscribeAsync(_receiver.Url(), "*");

        Assert.Equal(_receiver.Url(), created["url"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task DeliveriesPageSize_OutOfRange_Is400()
    {
        var id = (await _app.SubscribeAsync("https://hooks.example.com/custos", "*"))["id"]!.GetValue<string>();

        var response = await _app.Admin().GetAsync($"/admin/webhooks/{id}/deliveries?page_size=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
    }
}
