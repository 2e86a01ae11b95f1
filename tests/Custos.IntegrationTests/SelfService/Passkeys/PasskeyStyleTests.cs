using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.WebAuthn;

namespace Custos.IntegrationTests.SelfService.Passkeys;

/// <summary>Custos with passkeys, the identifier-first login style and profile-first registration.</summary>
public sealed class PasskeyStylesApp : PasskeyApp
{
    public PasskeyStylesApp()
    {
        ExtraYaml = ExtraYaml!.Replace("style: unified", "style: profile_first", StringComparison.Ordinal)
            .Replace("  flows:\n", "  flows:\n    login:\n      style: identifier_first\n", StringComparison.Ordinal);
    }
}

/// <summary>
/// Passkeys in the other form styles: profile-first registration shows the passkey on its second screen with the
/// same challenge; identifier-first login offers the passkey on step 2 to a person who has one; refresh lists the
/// person's own passkeys instead of asking the authenticator to pick one.
/// </summary>
public sealed class PasskeyStyleTests(PasskeyStylesApp app) : IClassFixture<PasskeyStylesApp>
{
    private static JsonNode? Node(JsonObject flow, string name) =>
        flow["ui"]!["nodes"]!.AsArray().FirstOrDefault(n => n!["attributes"]!["name"]?.GetValue<string>() == name);

    private static string Value(JsonObject flow, string name) => Node(flow, name)!["attributes"]!["value"]!.GetValue<string>();

    private async Task<(string Email, SoftwareAuthenticator Authenticator)> SignUpAsync()
    {
        var email = $"style-{Guid.NewGuid():N}@example.com";
        var authenticator = new SoftwareAuthenticator();
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("registration");
        Assert.Null(Node(flow, "passkey_create_data"));

        var step2 = (await (await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = email })).JsonAsync()).AsObject();
        var again = (await client.GetFlowAsync("registration", flow["id"]!.GetValue<string>())).AsObject();
        Assert.Equal(Value(step2, "passkey_create_data"), Value(again, "passkey_create_data"));

        var registered = await client.SubmitAsync(step2, new()
        {
            ["method"] = "passkey", ["traits.email"] = email,
            ["passkey_register"] = authenticator.Create(Value(step2, "passkey_create_data"), PasskeyApp.Origin),
        });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        return (email, authenticator);
    }

    [SkippableFact]
    public async Task IdentifierFirst_OffersThePasskeyOnStep2_WhichSignsIn()
    {
        var (email, authenticator) = await SignUpAsync();
        using var _ = authenticator;
        var client = new FlowClient(app, ClientKind.Api);
        var step1 = await client.InitAsync("login");
        var step2 = (await (await client.SubmitAsync(step1, new() { ["method"] = "identifier_first", ["identifier"] = email })).JsonAsync()).AsObject();

        Assert.NotNull(Node(step2, "passkey_login_trigger"));
        var signedIn = await client.SubmitAsync(step2, new() { ["method"] = "passkey", ["passkey_login"] = authenticator.Get(Value(step2, "passkey_challenge"), PasskeyApp.Origin) });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        client.SessionToken = (await signedIn.JsonAsync())["session_token"]!.GetValue<string>();
        var refresh = await client.InitAsync("login", "?refresh=true");
        var options = JsonNode.Parse(Value(refresh, "passkey_challenge"))!["publicKey"]!;
        var refreshed = await client.SubmitAsync(refresh, new() { ["method"] = "passkey", ["passkey_login"] = authenticator.Get(Value(refresh, "passkey_challenge"), PasskeyApp.Origin) });

        Assert.Equal(Convert.ToBase64String(authenticator.Credentials[0].Id).TrimEnd('=').Replace('+', '-').Replace('/', '_'), options["allowCredentials"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("hidden", Node(refresh, "identifier")!["attributes"]!["type"]!.GetValue<string>());
        Assert.Equal(email, Value(refresh, "identifier"));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [SkippableFact]
    public async Task IdentifierFirst_DoesNotOfferThePasskey_ToSomeoneWithout()
    {
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"pw-{Guid.NewGuid():N}@example.com";
        var registration = await client.InitAsync("registration");
        var step2 = (await (await client.SubmitAsync(registration, new() { ["method"] = "profile", ["traits.email"] = email })).JsonAsync()).AsObject();
        await client.SubmitAsync(step2, new() { ["method"] = "password", ["traits.email"] = email, ["password"] = "a long enough password for tests 1!" });

        var step1 = await client.InitAsync("login");
        var credentials = (await (await client.SubmitAsync(step1, new() { ["method"] = "identifier_first", ["identifier"] = email })).JsonAsync()).AsObject();

        Assert.True(Node(credentials, "password") is not null, credentials.ToJsonString());
        Assert.True(Node(credentials, "passkey_login_trigger") is null, credentials.ToJsonString());
    }
}
