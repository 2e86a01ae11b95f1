using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

/// <summary>The URLs Ory's reference UI sends, verbatim: every sign-in starts, and every sign-out lands, on the first one.</summary>
public sealed partial class FlowQueryTests
{
    private const string OryUiLogin = "?aal=&refresh=&return_to=&organization=&via=";

    [Fact]
    public async Task OryUiLoginUrl_WithoutSession_RedirectsToLoginUiWithAal1Flow()
    {
        var client = new FlowClient(app, ClientKind.Browser);

        var response = await client.Http.GetAsync("/self-service/login/browser" + OryUiLogin);
        var location = response.Headers.Location!;
        var flow = await client.GetFlowAsync("login", System.Web.HttpUtility.ParseQueryString(location.Query)["flow"]!);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/login?flow=", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("aal1", flow["requested_aal"]!.GetValue<string>());
        Assert.False(flow["refresh"]!.GetValue<bool>());
        Assert.False(flow.ContainsKey("return_to"));
    }

    [Fact]
    public async Task OryUiLoginUrl_Spa_WithoutSession_ReturnsAal1Flow()
    {
        var client = new FlowClient(app, ClientKind.Spa);

        var outcome = await CreateAsync(client, "login", OryUiLogin, json: true);

        AssertOutcome("flow requested_aal=aal1 refresh=false !return_to", outcome);
    }

    [Fact]
    public async Task OryUiLoginUrl_WithSession_RedirectsToDefaultReturnUrl()
    {
        var client = await ClientAsync(ClientKind.Browser, signedIn: true);

        var response = await client.Http.GetAsync("/self-service/login/browser" + OryUiLogin);

        // Kratos: a signed-in browser asking for a plain aal1 login is sent on to return_to or the default return URL.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("http://localhost:4455/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task OryUiLoginUrl_Spa_WithSession_Returns400SessionAlreadyAvailable()
    {
        var client = await ClientAsync(ClientKind.Spa, signedIn: true);

        var outcome = await CreateAsync(client, "login", OryUiLogin, json: true);

        AssertOutcome("error 400 session_already_available", outcome);
    }

    [Fact]
    public async Task OryUiLoginUrl_AfterSignOut_StartsAFreshFlow()
    {
        var client = await ClientAsync(ClientKind.Browser, signedIn: true);
        var logout = await (await client.Http.GetAsync("/self-service/logout/browser?return_to=")).JsonAsync();

        var signedOut = await client.Http.GetAsync(new Uri(logout["logout_url"]!.GetValue<string>()).PathAndQuery);
        var outcome = await CreateAsync(client, "login", OryUiLogin);

        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        Assert.Equal("http://localhost:4455/", signedOut.Headers.Location!.ToString());
        AssertOutcome("flow requested_aal=aal1 refresh=false", outcome);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("?return_to=", null)]
    [InlineData("?return_to=" + Next, Next)]
    public async Task LogoutUrl_EmptyReturnToIsLeftOut(string query, string? returnTo)
    {
        var client = await ClientAsync(ClientKind.Browser, signedIn: true);

        var response = await client.Http.GetAsync("/self-service/logout/browser" + query);
        var url = new Uri((await response.JsonAsync())["logout_url"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(returnTo, System.Web.HttpUtility.ParseQueryString(url.Query)["return_to"]);
    }

    [Fact]
    public async Task LogoutUrl_ForbiddenReturnTo_IsAnError()
    {
        var client = await ClientAsync(ClientKind.Browser, signedIn: true);

        var response = await client.Http.GetAsync("/self-service/logout/browser?return_to=" + Evil);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/error?id=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&return_to=", "http://localhost:4455/")]
    [InlineData("&return_to=" + Next, Next)]
    public async Task Logout_EmptyReturnTo_GoesToDefault(string query, string expected)
    {
        var client = await ClientAsync(ClientKind.Browser, signedIn: true);
        var token = (await (await client.Http.GetAsync("/self-service/logout/browser")).JsonAsync())["logout_token"]!.GetValue<string>();

        var response = await client.Http.GetAsync($"/self-service/logout?token={token}{query}");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Logout_EmptyToken_Is400()
    {
        var client = await ClientAsync(ClientKind.Spa, signedIn: true);
        var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/logout?token=&return_to=");
        request.Headers.Accept.ParseAdd("application/json");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
    }
}
