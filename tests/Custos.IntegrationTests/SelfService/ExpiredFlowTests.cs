using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

public sealed class ClockAppFactory : CustosAppFactory
{
    public ClockAppFactory()
    {
        Clock = new ManualTimeProvider();
    }

    public ManualTimeProvider Time => (ManualTimeProvider)Clock!;
}

/// <summary>Expired flows: GET answers 410; a submit gets a replacement flow (410 + use_flow_id for JSON, 303 to the new flow for browsers).</summary>
public sealed class ExpiredFlowTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    [Theory]
    [InlineData(ClientKind.Spa, "login")]
    [InlineData(ClientKind.Api, "login")]
    [InlineData(ClientKind.Api, "registration")]
    public async Task Submit_ExpiredFlow_Returns410WithReplacement(ClientKind kind, string name)
    {
        var client = new FlowClient(app, kind);
        var flow = await client.InitAsync(name);
        app.Time.Advance(TimeSpan.FromHours(2));

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = "a@example.com", ["traits.email"] = "a@example.com", ["password"] = "whatever passphrase" });
        var body = await response.JsonAsync();
        var replacement = await client.GetFlowAsync(name, body["use_flow_id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("self_service_flow_expired", body["error"]!["id"]!.GetValue<string>());
        Assert.NotEqual(flow["id"]!.GetValue<string>(), body["use_flow_id"]!.GetValue<string>());
        Assert.Contains(name == "login" ? "4010001" : "4040001", FlowClient.MessageIds(replacement));
    }

    [Fact]
    public async Task Browser_SubmitExpired_RedirectsToNewFlow()
    {
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("login");
        app.Time.Advance(TimeSpan.FromHours(2));

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = "a@example.com", ["password"] = "x" });
        var newId = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["flow"];

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(flow["id"]!.GetValue<string>(), newId);
    }

    [Fact]
    public async Task Get_ExpiredFlow_Returns410()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        app.Time.Advance(TimeSpan.FromHours(2));

        var response = await client.Http.GetAsync($"/self-service/login/flows?id={flow["id"]}");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("http://localhost:4433/self-service/login/api", body["error"]!["details"]!["api"]!.GetValue<string>());
    }

    [Fact]
    public async Task PrivilegedSessionMaxAge_OldSession_MustReauthenticateForPassword()
    {
        var client = new FlowClient(app, ClientKind.Api);
        await client.RegisterAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple");
        var flow = await client.InitAsync("settings");
        app.Time.Advance(TimeSpan.FromMinutes(61));
        flow = await client.InitAsync("settings");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = "a completely new passphrase" });
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_refresh_required", body["error"]!["id"]!.GetValue<string>());
        Assert.Contains("refresh=true", body["redirect_browser_to"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
