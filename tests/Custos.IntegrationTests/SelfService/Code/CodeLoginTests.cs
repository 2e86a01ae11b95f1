using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>Passwordless login with an e-mailed code (<c>passwordless_enabled</c>), over HTTP as an SDK client does it.</summary>
public sealed class CodeLoginTests : IDisposable
{
    private readonly CustosAppFactory _app = CodeApp.Create();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task EmailedCode_SignsIn_AtAal1()
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(_app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        var sent = await client.SubmitAsync(flow, new() { ["method"] = "code", ["identifier"] = email });
        var sentFlow = (await sent.JsonAsync()).AsObject();
        var signedIn = await client.SubmitAsync(sentFlow, new() { ["method"] = "code", ["identifier"] = email, ["code"] = await _app.LatestCodeAsync(email) });
        var body = await signedIn.JsonAsync();
        var session = body["session"]!;

        Assert.Contains(Nodes(flow), n => n["attributes"]!["name"]?.GetValue<string>() == "method" && n["attributes"]!["value"]?.GetValue<string>() == "code");
        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Equal("sent_email", sentFlow["state"]!.GetValue<string>());
        Assert.Contains("1010014", FlowClient.MessageIds(sentFlow));
        Assert.Contains(Nodes(sentFlow), n => n["attributes"]!["name"]?.GetValue<string>() == "code");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.NotNull(body["session_token"]);
        Assert.Equal(email, session["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal("code", session["authentication_methods"]![0]!["method"]!.GetValue<string>());
        Assert.Equal("aal1", session["authenticator_assurance_level"]!.GetValue<string>());
    }

    [Fact]
    public async Task WrongCode_IsRefused_AndTheRightOneStillWorks()
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(_app, ClientKind.Api);
        var sent = (await (await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "code", ["identifier"] = email })).JsonAsync()).AsObject();
        var code = await _app.LatestCodeAsync(email);

        var wrong = await client.SubmitAsync(sent, new() { ["method"] = "code", ["identifier"] = email, ["code"] = code == "000000" ? "111111" : "000000" });
        var right = await client.SubmitAsync(sent, new() { ["method"] = "code", ["identifier"] = email, ["code"] = code });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotEmpty(FlowClient.MessageIds((await wrong.JsonAsync()).AsObject()));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task UnknownIdentifier_Gets4000035_AndNothingIsSent()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(_app, ClientKind.Api);

        var response = await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "code", ["identifier"] = email });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("4000035", FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
        Assert.Empty(await _app.MessagesAsync(email));
    }

    [Fact]
    public async Task FiftyParallelSubmissions_OfOneCode_SignInOnce()
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(_app, ClientKind.Api);
        var sent = (await (await client.SubmitAsync(await client.InitAsync("login"), new() { ["method"] = "code", ["identifier"] = email })).JsonAsync()).AsObject();
        var code = await _app.LatestCodeAsync(email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            new FlowClient(_app, ClientKind.Api).SubmitAsync(sent, new() { ["method"] = "code", ["identifier"] = email, ["code"] = code }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.True((int)r.StatusCode is >= 400 and < 500, r.StatusCode.ToString()));
    }

    private async Task<string> NewIdentityAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var created = await _app.Admin().PostJsonAsync("/admin/identities", $$$"""{"schema_id":"code","traits":{"email":"{{{email}}}"}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    private static IEnumerable<JsonNode> Nodes(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!);
}
