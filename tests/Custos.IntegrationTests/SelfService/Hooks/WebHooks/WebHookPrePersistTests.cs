using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// Parsing web hooks of registration and settings run before the identity is stored (strategies contract §7.2): their
/// answer changes what is stored, or interrupts the flow with messages and stores nothing.
/// </summary>
public sealed class WebHookPrePersistTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string Interrupt = """
        {"messages":[{"instance_ptr":"#/traits/email","messages":[{"id":10001,"text":"This email is on a block list","type":"error","context":{"value":"blocked"}}]}]}
        """;

    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private CustosAppFactory App(string flow) => WebHookApp.Create(new JsonObject
    {
        [flow] = WebHookApp.AfterPassword(WebHookApp.Hook(_receiver.Url(), response: new JsonObject { ["parse"] = true }), new JsonObject { ["hook"] = "session" }),
    }, _receiver);

    [SkippableFact]
    public async Task Registration_ParsedAnswer_IsStoredWithTheIdentity()
    {
        using var app = App("registration");
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(200, """{"identity":{"metadata_public":{"plan":"gold"}}}""");
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Api);

        var response = await client.SubmitAsync(await client.InitAsync("registration"), new() { ["method"] = "password", ["traits.email"] = email, ["password"] = Password });
        var identity = (await response.JsonAsync())["identity"]!;
        var stored = await (await app.Admin().GetAsync($"/admin/identities/{identity["id"]}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gold", stored["metadata_public"]!["plan"]!.GetValue<string>());
        Assert.Single(await _receiver.WaitForAsync(1));
    }

    [SkippableFact]
    public async Task Registration_Interrupt_ShowsTheMessages_KeepsTheSubmittedTraits_AndStoresNothing()
    {
        using var app = App("registration");
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(400, Interrupt);
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Api);

        var response = await client.SubmitAsync(await client.InitAsync("registration"), new() { ["method"] = "password", ["traits.email"] = email, ["password"] = Password });
        var body = (await response.JsonAsync()).AsObject();
        var found = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var node = body["ui"]!["nodes"]!.AsArray().Single(n => n!["attributes"]!["name"]?.GetValue<string>() == "traits.email");
        Assert.Equal(10001, node!["messages"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(email, node["attributes"]!["value"]!.GetValue<string>());
        Assert.Empty(found.AsArray());
    }

    [SkippableFact]
    public async Task Settings_ParsedAnswer_IsStoredWithThePasswordChange()
    {
        using var app = App("settings");
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(200, """{"identity":{"metadata_public":{"rotated":true}}}""");
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);

        var response = await client.SubmitAsync(await client.InitAsync("settings"), new() { ["method"] = "password", ["password"] = "a much newer passphrase 2026" });
        var id = (await (await client.WhoamiAsync()).JsonAsync())["identity"]!["id"]!.GetValue<string>();
        var stored = await (await app.Admin().GetAsync($"/admin/identities/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stored["metadata_public"]!["rotated"]!.GetValue<bool>());
    }
}
