using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

public abstract class RegistrationFlowTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task Register_WithPassword_CreatesIdentity_AndSignsIn(ClientKind kind)
    {
        var client = new FlowClient(app, kind);
        var email = NewEmail();

        var response = await client.RegisterAsync(email, "correct horse battery staple");
        var whoami = await client.WhoamiAsync();

        switch (kind)
        {
            case ClientKind.Browser:
                Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
                Assert.Equal("http://localhost:4455/", response.Headers.Location?.ToString());
                break;
            case ClientKind.Spa:
                var spa = await response.JsonAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Null(spa["session_token"]);
                Assert.Equal("redirect_browser_to", spa["continue_with"]![0]!["action"]!.GetValue<string>());
                break;
            default:
                var api = await response.JsonAsync();
                Assert.StartsWith("ory_st_", api["session_token"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal("set_ory_session_token", api["continue_with"]![0]!["action"]!.GetValue<string>());
                Assert.Equal(email, api["identity"]!["traits"]!["email"]!.GetValue<string>());
                break;
        }

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal(email, (await whoami.JsonAsync())["identity"]!["traits"]!["email"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData(ClientKind.Spa)]
    [InlineData(ClientKind.Api)]
    public async Task Register_InvalidTraitsAndWeakPassword_Returns400FlowWithNodeMessages(ClientKind kind)
    {
        var client = new FlowClient(app, kind);
        var flow = await client.InitAsync("registration");

        var badEmail = await client.SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = "not-an-email", ["password"] = "correct horse battery staple" });
        var shortPassword = await client.SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = NewEmail(), ["password"] = "short" });
        var emailFlow = (await badEmail.JsonAsync()).AsObject();
        var passwordFlow = (await shortPassword.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.NotEmpty(NodeMessages(emailFlow, "traits.email"));
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("4000032", NodeMessages(passwordFlow, "password"));
    }

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Api)]
    public async Task Register_DuplicateEmail_Returns4000007(ClientKind kind)
    {
        var email = NewEmail();
        await new FlowClient(app, ClientKind.Api).RegisterAsync(email, "correct horse battery staple");
        var client = new FlowClient(app, kind);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = email, ["password"] = "another good passphrase" });
        var after = kind == ClientKind.Browser ? await client.GetFlowAsync("registration", flow["id"]!.GetValue<string>()) : (await response.JsonAsync()).AsObject();

        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.Found : HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000007", FlowClient.MessageIds(after));
    }

    [SkippableFact]
    public async Task Register_HundredParallelSameEmail_ExactlyOneIdentity()
    {
        var email = NewEmail();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => new FlowClient(app, ClientKind.Api).RegisterAsync(email, "correct horse battery staple")));
        var codes = responses.Select(r => (int)r.StatusCode).ToList();
        var duplicates = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.BadRequest).Select(async r => FlowClient.MessageIds((await r.JsonAsync()).AsObject()).ToList()));
        var listed = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();

        Assert.Equal(1, codes.Count(c => c == 200));
        Assert.Equal(99, codes.Count(c => c == 400));
        Assert.All(duplicates, ids => Assert.Contains("4000007", ids));
        Assert.Single(listed.AsArray());
    }

    [SkippableFact]
    public async Task ProfileFirst_ProfileStep_ShowsCredentialSelection()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = NewEmail() });
        var step = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1040009", FlowClient.MessageIds(step));
        Assert.Contains(step["ui"]!["nodes"]!.AsArray(), n => n!["attributes"]!["name"]?.GetValue<string>() == "password");
    }

    [SkippableFact]
    public async Task Registration_WhileSignedIn_Returns400SessionAlreadyAvailable()
    {
        var client = new FlowClient(app, ClientKind.Api);
        await client.RegisterAsync(NewEmail(), "correct horse battery staple");
        var request = new HttpRequestMessage(HttpMethod.Get, "/self-service/registration/api");
        client.Authorize(request);

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("session_already_available", (await response.JsonAsync())["error"]!["id"]!.GetValue<string>());
    }

    private static List<string> NodeMessages(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().Where(n => n!["attributes"]!["name"]?.GetValue<string>() == name)
            .SelectMany(n => n!["messages"]!.AsArray().Select(m => m!["id"]!.ToString())).ToList();
}

public sealed class SqliteRegistrationFlowTests(CustosAppFactory app) : RegistrationFlowTests<CustosAppFactory>(app);

public sealed class PostgresRegistrationFlowTests(PostgresAppFactory app) : RegistrationFlowTests<PostgresAppFactory>(app);
