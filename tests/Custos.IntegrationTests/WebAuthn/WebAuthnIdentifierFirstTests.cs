using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using static Custos.IntegrationTests.WebAuthn.WebAuthnFlowNodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Passwordless security keys in the identifier-first login style: the button shows for people who have a key.</summary>
public sealed class WebAuthnIdentifierFirstTests(WebAuthnIdentifierFirstApp app) : IClassFixture<WebAuthnIdentifierFirstApp>
{
    [SkippableFact]
    public async Task StepTwo_OffersTheKeyButton_OnlyToSomeoneWithAPasswordlessKey()
    {
        using var key = new SoftwareAuthenticator();
        var withKey = await RegisterWithKeyAsync(key);
        var (passwordOnly, _, _) = await new WebAuthnJourney(app).SignedInAsync();
        var client = new FlowClient(app, ClientKind.Spa);

        var first = await client.InitAsync("login");
        var keyed = await StepTwoAsync(client, withKey);
        var started = await client.SubmitAsync(keyed, new() { ["method"] = "webauthn", ["identifier"] = withKey });
        var other = await StepTwoAsync(new FlowClient(app, ClientKind.Spa), passwordOnly);

        Assert.DoesNotContain(All(first), n => n["group"]!.GetValue<string>() == "webauthn");
        Assert.Contains(All(keyed), n => n["group"]!.GetValue<string>() == "webauthn" && n["attributes"]!["name"]?.GetValue<string>() == "method");
        Assert.Equal((HttpStatusCode)422, started.StatusCode);
        Assert.DoesNotContain(All(other), n => n["group"]!.GetValue<string>() == "webauthn");
        Assert.Contains("password", Names(other));
    }

    private static async Task<JsonObject> StepTwoAsync(FlowClient client, string identifier)
    {
        var flow = await client.InitAsync("login");
        var response = await client.SubmitAsync(flow, new() { ["method"] = "identifier_first", ["identifier"] = identifier });
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, response.StatusCode.ToString());
        return await client.GetFlowAsync("login", flow["id"]!.GetValue<string>());
    }

    private async Task<string> RegisterWithKeyAsync(SoftwareAuthenticator key)
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var client = new FlowClient(app, ClientKind.Spa);
        var flow = await client.InitAsync("registration");
        await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email });
        var credentials = await client.GetFlowAsync("registration", flow["id"]!.GetValue<string>());
        var response = await client.SubmitAsync(credentials, new()
        {
            ["method"] = "webauthn",
            ["traits.email"] = email,
            ["webauthn_register"] = key.Create(Options(credentials, "webauthn_register_trigger"), WebAuthnApp.Origin),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return email;
    }
}
