using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Flows.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService.Registration;

/// <summary>
/// A registration body is offered to the enabled strategies in Kratos's order (profile, password, ...) until one owns
/// it (strategies contract §0.1); a method that is configured off answers as before.
/// </summary>
public sealed class RegistrationStrategyDispatchTests
{
    private const string Password = "correct horse battery staple";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    private static CustosAppFactory App(params ProbeStrategy[] probes) => new()
    {
        ReplaceServices = services =>
        {
            foreach (var probe in probes)
            {
                services.AddScoped<IRegistrationStrategy>(_ => probe);
            }
        },
    };

    [SkippableFact]
    public async Task Submit_IsOfferedInStrategyOrder_AndNoStrategyAfterTheOwnerIsAsked()
    {
        var early = new ProbeStrategy("early", order: 5);
        var late = new ProbeStrategy("late", order: 15);
        using var app = App(early, late);
        var client = new FlowClient(app, ClientKind.Api);

        var response = await client.RegisterAsync(NewEmail(), Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["password"], early.Offered);
        Assert.Empty(late.Offered);
    }

    [SkippableFact]
    public async Task Submit_Back_IsOwnedByProfile_BeforeAPasswordBodyReachesLaterStrategies()
    {
        var probe = new ProbeStrategy("probe", order: 5);
        using var app = App(probe);
        var client = new FlowClient(app, ClientKind.Api);
        var email = NewEmail();
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["screen"] = "previous", ["traits.email"] = email, ["password"] = Password });
        var back = (await response.JsonAsync()).AsObject();
        var listed = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("profile", back["active"]!.GetValue<string>());
        Assert.Contains(Nodes(back), n => Name(n) == "method" && n["attributes"]!["value"]!.GetValue<string>() == "profile");
        Assert.DoesNotContain(Nodes(back), n => Name(n) == "password");
        Assert.Equal(email, Nodes(back).Single(n => Name(n) == "traits.email")["attributes"]!["value"]!.GetValue<string>());
        Assert.Empty(probe.Offered);
        Assert.Empty(listed.AsArray());
    }

    [SkippableFact]
    public async Task Submit_AStrategysRefusal_IsTheFlowWithItsMessage_AndItsMethodActive()
    {
        using var app = App(new ProbeStrategy("probe", order: 5));
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "probe", ["traits.email"] = NewEmail() });
        var refused = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("probe", refused["active"]!.GetValue<string>());
        Assert.Equal("probe refused", refused["ui"]!["messages"]![0]!["text"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Submit_WithAMethodNoStrategyOwns_Answers4010003()
    {
        using var app = new CustosAppFactory();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "carrier-pigeon", ["traits.email"] = NewEmail() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4010003"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    [SkippableTheory]
    [InlineData("password")]
    [InlineData("profile")]
    public async Task Submit_WithADisabledMethod_Answers404EndpointDisabled(string method)
    {
        using var app = new CustosAppFactory { ExtraYaml = $"selfservice:\n  methods:\n    {method}:\n      enabled: false\n" };
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["method"] = method, ["traits.email"] = NewEmail(), ["password"] = Password });
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("This endpoint was disabled", error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Submit_Back_WithProfileDisabled_IsNoStrategysBody()
    {
        using var app = new CustosAppFactory { ExtraYaml = "selfservice:\n  methods:\n    profile:\n      enabled: false\n" };
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");

        var response = await client.SubmitAsync(flow, new() { ["screen"] = "previous", ["traits.email"] = NewEmail() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["4010003"], FlowClient.MessageIds((await response.JsonAsync()).AsObject()));
    }

    private static IEnumerable<JsonNode> Nodes(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!);

    private static string? Name(JsonNode node) => node["attributes"]!["name"]?.GetValue<string>();
}
