using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Sessions;
using Custos.SelfService.Strategies.Oidc.TokenExchange;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Oidc.TokenExchange;

public abstract partial class SessionTokenExchangeTests<TFactory>
{
    private const string Password = "correct horse battery staple 42";

    private async Task<JsonObject> CreateAsync(string flow, string query)
    {
        var response = await app.PublicClient().GetAsync($"/self-service/{flow}/api{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<JsonObject> ReadFlowAsync(string flow, JsonObject created)
    {
        var response = await app.PublicClient().GetAsync($"/self-service/{flow}/flows?id={created["id"]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsObject();
    }

    private Task<HttpResponseMessage> ExchangeAsync(string initCode, string returnToCode) =>
        app.PublicClient().GetAsync($"/sessions/token-exchange?init_code={Uri.EscapeDataString(initCode)}&return_to_code={Uri.EscapeDataString(returnToCode)}");

    private Task<HttpResponseMessage> WhoamiAsync(string token) =>
        app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(token));

    private async Task<T> WithExchangesAsync<T>(Func<ISessionTokenExchanges, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ISessionTokenExchanges>());
    }

    private static string InitCode(JsonObject flow) => flow["session_token_exchange_code"]!.GetValue<string>();

    private static Guid FlowId(JsonObject flow) => Guid.Parse(flow["id"]!.GetValue<string>());

    /// <summary>A password sign-in of a new identity on an API login flow (created with the flag unless told otherwise).</summary>
    private async Task<(JsonObject Flow, JsonObject Login)> SignInOnExchangeFlowAsync(bool withFlag = true)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login", withFlag ? $"?{Flag}=true" : "");
        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (flow, (await response.JsonAsync()).AsObject());
    }

    /// <summary>The codes of an exchange whose flow ended in a session, as the OIDC callback leaves them.</summary>
    private async Task<(string InitCode, string ReturnToCode)> CompletedExchangeAsync()
    {
        var (flow, login) = await SignInOnExchangeFlowAsync();
        var returnToCode = await WithExchangesAsync(e => e.CompleteAsync(FlowId(flow), Guid.Parse(login["session"]!["id"]!.GetValue<string>()), CancellationToken.None));
        return (InitCode(flow), returnToCode!);
    }
}
