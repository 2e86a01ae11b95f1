using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

public abstract class LoginFlowTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private const string Password = "correct horse battery staple";

    private async Task<string> RegisteredEmailAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        return email;
    }

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task Login_WithPassword_IssuesSession(ClientKind kind)
    {
        var email = await RegisteredEmailAsync();
        var client = new FlowClient(app, kind);

        var response = await client.LoginAsync(email.ToUpperInvariant(), Password);
        var whoami = await client.WhoamiAsync();

        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, response.StatusCode);
        if (kind == ClientKind.Spa)
        {
            Assert.Null((await response.JsonAsync())["session_token"]);
        }

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var session = await whoami.JsonAsync();
        Assert.Equal("password", session["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal("aal1", session["authenticator_assurance_level"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task Login_WrongPasswordAndUnknownUser_AnswerTheSame(ClientKind kind)
    {
        var email = await RegisteredEmailAsync();
        var client = new FlowClient(app, kind);

        var wrong = await client.LoginAsync(email, "not the password at all");
        var unknown = await client.LoginAsync($"nobody-{Guid.NewGuid():N}@example.com", Password);
        var wrongFlow = (await wrong.JsonAsync()).AsObject();
        var unknownFlow = (await unknown.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["4000006"], wrongFlow["ui"]!["messages"]!.AsArray().Select(m => m!["id"]!.ToString()));
        Assert.Equal(["4000006"], unknownFlow["ui"]!["messages"]!.AsArray().Select(m => m!["id"]!.ToString()));
    }

    [SkippableFact]
    public async Task Browser_WrongCsrf_Returns403ViaErrorUi()
    {
        var email = await RegisteredEmailAsync();
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("login");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password }, csrfOverride: "tampered");
        var location = response.Headers.Location!;
        var errorId = System.Web.HttpUtility.ParseQueryString(location.Query)["id"];
        var error = await (await client.Http.GetAsync($"/self-service/errors?id={errorId}")).JsonAsync();

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith("http://localhost:4455/error", location.ToString(), StringComparison.Ordinal);
        Assert.Equal("security_csrf_violation", error["error"]!["id"]!.GetValue<string>());
        Assert.Equal(403, error["error"]!["code"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Spa_WrongCsrf_Returns403Json()
    {
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = await client.InitAsync("login");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = "x@example.com", ["password"] = Password }, csrfOverride: "tampered");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("security_csrf_violation", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("/self-service/login?flow=00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/self-service/login?flow=nope", HttpStatusCode.BadRequest)]
    [InlineData("/self-service/login/flows?id=00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    public async Task UnknownOrMalformedFlow_ReturnsEnvelope(string url, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(url.Contains("flows", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post, url)
        {
            Content = url.Contains("flows", StringComparison.Ordinal) ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await app.Public().SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal((int)expected, (await response.JsonAsync())["error"]!["code"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task Api_MalformedBody_Returns400()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        var action = new Uri(flow["ui"]!["action"]!.GetValue<string>()).PathAndQuery;

        var response = await client.Http.PostAsync(action, new StringContent("{\"method\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Api_FlowSubmittedTwiceInParallel_OneSuccess()
    {
        var email = await RegisteredEmailAsync();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        var fields = new Dictionary<string, string> { ["method"] = "password", ["identifier"] = email, ["password"] = Password };

        var responses = await Task.WhenAll(client.SubmitAsync(flow, fields), client.SubmitAsync(flow, fields));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [SkippableFact]
    public async Task Api_RequestWithOrigin_IsRefused()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");
        client.Http.DefaultRequestHeaders.Add("Origin", "https://evil.example");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = "a@b.c", ["password"] = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000001", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    [SkippableFact]
    public async Task Api_AlreadySignedIn_CreateReturns400()
    {
        var email = await RegisteredEmailAsync();
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);
        var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/api");
        client.Authorize(request);

        var response = await client.Http.SendAsync(request);

        Assert.Equal("session_already_available", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Browser_ReturnToNotAllowed_Returns400()
    {
        var response = await app.Public().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/self-service/login/browser?return_to=https://evil.example/")
        {
            Headers = { { "Accept", "application/json" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("self_service_flow_return_to_forbidden", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Browser_LoginFlowJson_HasKratosShape()
    {
        var client = new FlowClient(app, ClientKind.Spa);

        var flow = await client.InitAsync("login", "?return_to=http://localhost:4455/after");

        Assert.Equal(["id", "organization_id", "type", "expires_at", "issued_at", "request_url", "return_to", "ui", "created_at", "updated_at", "refresh", "requested_aal", "state"],
            flow.Select(kv => kv.Key).ToArray());
        Assert.Equal("http://localhost:4455/after", flow["return_to"]!.GetValue<string>());
        var names = flow["ui"]!["nodes"]!.AsArray().Select(n => n!["attributes"]!["name"]?.GetValue<string>()).ToList();
        Assert.Equal(["csrf_token", "identifier", "password", "method"], names);
    }
}

public sealed class SqliteLoginFlowTests(CustosAppFactory app) : LoginFlowTests<CustosAppFactory>(app);

public sealed class PostgresLoginFlowTests(PostgresAppFactory app) : LoginFlowTests<PostgresAppFactory>(app);
