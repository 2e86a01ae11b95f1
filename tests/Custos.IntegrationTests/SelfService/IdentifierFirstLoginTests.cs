using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService;

public sealed class IdentifierFirstApp : CustosAppFactory
{
    public IdentifierFirstApp()
    {
        ExtraYaml = """
            selfservice:
              flows:
                login:
                  style: identifier_first
            """;
    }
}

public sealed class IdentifierFirstMitigatedApp : CustosAppFactory
{
    public IdentifierFirstMitigatedApp()
    {
        ExtraYaml = """
            selfservice:
              flows:
                login:
                  style: identifier_first
            security:
              account_enumeration:
                mitigate: true
            """;
    }
}

/// <summary><c>selfservice.flows.login.style: identifier_first</c>: step 1 asks for the identifier, step 2 shows the person's methods.</summary>
public sealed class IdentifierFirstLoginTests(IdentifierFirstApp app) : IClassFixture<IdentifierFirstApp>
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task NewFlow_AsksOnlyForTheIdentifier()
    {
        var flow = await new FlowClient(app, ClientKind.Api).InitAsync("login");
        var browser = await new FlowClient(app, ClientKind.Browser).InitAsync("login");

        // Kratos sorts a new login flow by group rank; identifier_first is not in the login list, so it ranks first,
        // before csrf_token (default); a browser flow read back by id keeps that order.
        Assert.Equal(["identifier", "method", "csrf_token"], Names(flow));
        Assert.Equal(["identifier", "method", "csrf_token"], Names(browser));
        var identifier = Node(flow, "identifier");
        Assert.Equal("identifier_first", identifier["group"]!.GetValue<string>());
        Assert.Equal("text", identifier["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal("username webauthn", identifier["attributes"]!["autocomplete"]!.GetValue<string>());
        var method = Node(flow, "method");
        Assert.Equal("identifier_first", method["attributes"]!["value"]!.GetValue<string>());
        Assert.Equal(1070009, method["meta"]!["label"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task KnownIdentifier_ShowsThePasswordForm_ThenSignsIn()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var step = await client.SubmitAsync(flow, new() { ["method"] = "identifier_first", ["identifier"] = email });
        var second = (await step.JsonAsync()).AsObject();
        var login = await client.SubmitAsync(second, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });

        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        Assert.Equal("identifier_first", second["active"]!.GetValue<string>());
        Assert.Equal("hidden", Node(second, "identifier")["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal(email, Node(second, "identifier")["attributes"]!["value"]!.GetValue<string>());
        Assert.Contains("password", Names(second));
        Assert.DoesNotContain(Nodes(second), n => n["attributes"]!["value"]?.ToString() == "identifier_first");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotNull((await login.JsonAsync())["session_token"]);
    }

    [Fact]
    public async Task UnknownIdentifier_IsAccountNotFound_WithoutMitigation()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var step = await client.SubmitAsync(flow, new() { ["method"] = "identifier_first", ["identifier"] = $"{Guid.NewGuid():N}@example.com" });
        var body = (await step.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, step.StatusCode);
        Assert.Contains("4000037", FlowClient.MessageIds(body));
        Assert.DoesNotContain("password", Names(body));
    }

    [Fact]
    public async Task Browser_Step1_RedirectsToTheLoginUi()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Browser);
        var flow = await client.InitAsync("login");

        var step = await client.SubmitAsync(flow, new() { ["method"] = "identifier_first", ["identifier"] = email });

        Assert.Equal(HttpStatusCode.SeeOther, step.StatusCode);
        Assert.Contains("flow=" + flow["id"]!.GetValue<string>(), step.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    internal static List<string> Names(JsonObject flow) => Nodes(flow).Select(n => n["attributes"]!["name"]?.GetValue<string>() ?? "").ToList();

    internal static IEnumerable<JsonNode> Nodes(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!);

    internal static JsonNode Node(JsonObject flow, string name) => Nodes(flow).First(n => n["attributes"]!["name"]?.GetValue<string>() == name);
}

/// <summary>With <c>security.account_enumeration.mitigate</c>, step 2 looks the same for known and unknown identifiers.</summary>
public sealed class IdentifierFirstMitigatedTests(IdentifierFirstMitigatedApp app) : IClassFixture<IdentifierFirstMitigatedApp>
{
    [Fact]
    public async Task KnownAndUnknownIdentifiers_GetTheSameForm()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, "correct horse battery staple");
        var client = new FlowClient(app, ClientKind.Api);

        var known = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "identifier_first", ["identifier"] = email });
        var unknown = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "identifier_first", ["identifier"] = $"{Guid.NewGuid():N}@example.com" });
        var knownBody = (await known.JsonAsync()).AsObject();
        var unknownBody = (await unknown.JsonAsync()).AsObject();

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(IdentifierFirstLoginTests.Names(knownBody), IdentifierFirstLoginTests.Names(unknownBody));
        Assert.Contains("password", IdentifierFirstLoginTests.Names(knownBody));
        Assert.Empty(FlowClient.MessageIds(unknownBody));
    }
}
