using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

/// <summary>A login submission goes to the strategy that owns it for the flow's requested AAL (strategies contract §0.1).</summary>
public sealed class LoginDispatchTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Aal2Flow_OffersNoPasswordForm_AndRefusesAPasswordWith4010002()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);

        var flow = await client.InitAsync("login", "?aal=aal2");
        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal("aal2", flow["requested_aal"]!.GetValue<string>());
        Assert.Contains("1010004", FlowClient.MessageIds(flow));
        Assert.DoesNotContain("password", IdentifierFirstLoginTests.Names(flow));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010002", FlowClient.MessageIds(body));
    }

    [Fact]
    public async Task UnknownMethod_Is4010002_AndTheFlowStaysUsable()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var unknown = await client.SubmitAsync(flow, new() { ["method"] = "carrier_pigeon", ["identifier"] = email });
        var login = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("4010002", FlowClient.MessageIds((await unknown.JsonAsync()).AsObject()));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [Fact]
    public async Task IdentifierFirstMethod_OnAUnifiedFlow_Declines_With4010002()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "identifier_first", ["identifier"] = "someone@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4010002", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }
}
