using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// <c>verification.after.hooks</c> web hooks (strategies contract §7.3, §7.4): they get the verified identity, and run
/// once the address is verified, so a failing hook answers the request but the address stays verified, as in Kratos.
/// </summary>
public sealed class WebHookVerificationTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly WebHookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    private CustosAppFactory App(JsonObject? response = null) => WebHookApp.Create(new JsonObject
    {
        ["verification"] = new JsonObject
        {
            ["enabled"] = true,
            ["ui_url"] = "http://localhost:4455/verification",
            ["after"] = new JsonObject { ["hooks"] = new JsonArray(WebHookApp.Hook(_receiver.Url(), response: response)) },
        },
    }, _receiver, configure: c => c["secrets"] = new JsonObject { ["default"] = new JsonArray("a-default-secret-of-32-characters") });

    /// <summary>An identity and a verification flow whose code went to its address; returns the client, flow, email and code.</summary>
    private static async Task<(FlowClient Client, JsonObject Flow, string Email, string Code, string IdentityId)> SentAsync(CustosAppFactory app)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("verification");
        var sent = await (await client.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email })).JsonAsync();
        return (client, sent.AsObject(), email, await app.LatestCodeAsync(email), identity["id"]!.GetValue<string>());
    }

    private static async Task<bool> VerifiedAsync(CustosAppFactory app, string identityId) =>
        (await (await app.Admin().GetAsync($"/admin/identities/{identityId}")).JsonAsync())["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>();

    [SkippableFact]
    public async Task AfterVerification_PostsTheVerifiedIdentity()
    {
        using var app = App();
        var (client, flow, email, code, identityId) = await SentAsync(app);

        var response = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ctx = Assert.Single(await _receiver.WaitForAsync(1)).Json;
        Assert.Equal(identityId, ctx["identity_id"]!.GetValue<string>());
        Assert.Equal(email, ctx["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(flow["id"]!.GetValue<string>(), ctx["flow_id"]!.GetValue<string>());
        Assert.Null(ctx["session_id"]);
    }

    [SkippableFact]
    public async Task AfterVerification_RejectingAnswer_Answers502_AndTheAddressStaysVerified()
    {
        using var app = App();
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(403);
        var (client, flow, _, code, identityId) = await SentAsync(app);

        var response = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(await VerifiedAsync(app, identityId));
    }

    [SkippableFact]
    public async Task AfterVerification_Interrupt_AnswersWithANewFlowCarryingTheMessages()
    {
        using var app = App(new JsonObject { ["parse"] = true });
        _receiver.Respond = (_, _) => new WebHookReceiver.Reply(400, """{"messages":[{"instance_ptr":"#/","messages":[{"id":4000001,"text":"not today","type":"error"}]}]}""");
        var (client, flow, _, code, identityId) = await SentAsync(app);

        var response = await client.SubmitAsync(flow, new() { ["method"] = "code", ["code"] = code });

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var replacement = await client.GetFlowAsync("verification", (await response.JsonAsync())["use_flow_id"]!.GetValue<string>());
        Assert.Contains("4000001", FlowClient.MessageIds(replacement));
        Assert.True(await VerifiedAsync(app, identityId));
    }
}
