using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>
/// Identifier-first "fast login" (strategies contract §1.4): a person whose only way in is a code gets it as soon as
/// step 1 names them; anyone with another first factor chooses, and with enumeration mitigation nobody is sent one early.
/// </summary>
public sealed class CodeFastLoginTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly CustosAppFactory _app = CodeApp.Create(identifierFirst: true);
    private readonly CustosAppFactory _mitigated = CodeApp.Create("security:\n  account_enumeration:\n    mitigate: true\n", identifierFirst: true);

    public void Dispose()
    {
        _app.Dispose();
        _mitigated.Dispose();
    }

    [Theory]
    [InlineData(ClientKind.Api)]
    [InlineData(ClientKind.Spa)]
    public async Task CodeOnlyIdentity_GetsTheCodeWithStep1_AndItSignsIn(ClientKind kind)
    {
        var email = await NewIdentityAsync(_app, withPassword: false);
        var client = new FlowClient(_app, kind);

        var step1 = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "identifier_first", ["identifier"] = email });
        var sent = (await step1.JsonAsync()).AsObject();
        var messages = await _app.MessagesAsync(email);
        var signedIn = await client.SubmitAsync(sent, new() { ["method"] = "code", ["identifier"] = email, ["code"] = await _app.LatestCodeAsync(email) });

        Assert.Equal(HttpStatusCode.BadRequest, step1.StatusCode);
        Assert.Equal("sent_email", sent["state"]!.GetValue<string>());
        Assert.Contains("1010014", FlowClient.MessageIds(sent));
        Assert.Equal("hidden", Node(sent, "identifier")["attributes"]!["type"]!.GetValue<string>());
        Assert.Contains(Nodes(sent), n => Name(n) == "code");
        Assert.DoesNotContain(Nodes(sent), n => n["group"]!.GetValue<string>() == "identifier_first" && Name(n) == "method");
        Assert.Single(messages);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Fact]
    public async Task Browser_CodeOnlyIdentity_IsSentToTheUi_WithTheCodeSent()
    {
        var email = await NewIdentityAsync(_app, withPassword: false);
        var client = new FlowClient(_app, ClientKind.Browser);
        var flow = await client.InitAsync("login");

        var step1 = await client.SubmitAsync(flow, new() { ["method"] = "identifier_first", ["identifier"] = email });
        var shown = await client.GetFlowAsync("login", flow["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.SeeOther, step1.StatusCode);
        Assert.Equal("sent_email", shown["state"]!.GetValue<string>());
        Assert.Single(await _app.MessagesAsync(email));
    }

    [Fact]
    public async Task IdentityWithAPassword_ChoosesAtStep2_AndNothingIsSent()
    {
        var email = await NewIdentityAsync(_app, withPassword: true);
        var client = new FlowClient(_app, ClientKind.Api);

        var step2 = (await (await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "identifier_first", ["identifier"] = email })).JsonAsync()).AsObject();

        Assert.Equal("choose_method", step2["state"]!.GetValue<string>());
        Assert.Contains(Nodes(step2), n => Name(n) == "password");
        Assert.Contains(Nodes(step2), n => Name(n) == "method" && n["attributes"]!["value"]?.GetValue<string>() == "code");
        Assert.Empty(await _app.MessagesAsync(email));
    }

    [Fact]
    public async Task WithEnumerationMitigation_ACodeOnlyIdentity_IsSentNothingEarly()
    {
        var email = await NewIdentityAsync(_mitigated, withPassword: false);
        var client = new FlowClient(_mitigated, ClientKind.Api);

        var step2 = (await (await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "identifier_first", ["identifier"] = email })).JsonAsync()).AsObject();

        Assert.Equal("choose_method", step2["state"]!.GetValue<string>());
        Assert.Empty(await _mitigated.MessagesAsync(email));
    }

    private static async Task<string> NewIdentityAsync(CustosAppFactory app, bool withPassword)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var body = new JsonObject { ["schema_id"] = "code", ["traits"] = new JsonObject { ["email"] = email } };
        if (withPassword)
        {
            body["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = Password } } };
        }

        var created = await app.Admin().PostJsonAsync("/admin/identities", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    private static IEnumerable<JsonNode> Nodes(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!);

    private static string? Name(JsonNode node) => node["attributes"]!["name"]?.GetValue<string>();

    private static JsonNode Node(JsonObject flow, string name) => Nodes(flow).First(n => Name(n) == name);
}
