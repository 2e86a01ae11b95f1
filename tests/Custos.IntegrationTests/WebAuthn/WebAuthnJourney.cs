using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using static Custos.IntegrationTests.WebAuthn.WebAuthnFlowNodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>The steps the webauthn tests share: a signed-in SPA, a key added in settings, a step-up, the stored credential.</summary>
internal sealed class WebAuthnJourney(WebAuthnApp app)
{
    public const string Password = "correct horse battery staple";

    /// <summary>A new identity with a password (in <paramref name="schemaId"/>), signed in by a SPA client.</summary>
    public async Task<(string Email, string Id, FlowClient Client)> SignedInAsync(string schemaId = "default")
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var body = new JsonObject
        {
            ["schema_id"] = schemaId,
            ["traits"] = new JsonObject { ["email"] = email },
            ["credentials"] = new JsonObject { ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = Password } } },
        };
        var created = await app.Admin().PostJsonAsync("/admin/identities", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var client = new FlowClient(app, ClientKind.Spa);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, Password)).StatusCode);
        return (email, (await created.JsonAsync())["id"]!.GetValue<string>(), client);
    }

    /// <summary>An identity with a password and one security key, added in settings by the returned client.</summary>
    public async Task<(string Email, string Id, FlowClient Client, SoftwareAuthenticator Key)> WithKeyAsync()
    {
        var (email, id, client) = await SignedInAsync();
        var key = new SoftwareAuthenticator();
        var added = await AddKeyAsync(client, key, "key");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return (email, id, client, key);
    }

    /// <summary>Runs the settings ceremony of a new settings flow with <paramref name="key"/>.</summary>
    public static async Task<HttpResponseMessage> AddKeyAsync(FlowClient client, SoftwareAuthenticator key, string name)
    {
        var settings = await client.InitAsync("settings");
        return await client.SubmitAsync(settings, new()
        {
            ["method"] = "webauthn",
            ["webauthn_register"] = key.Create(Options(settings, "webauthn_register_trigger"), WebAuthnApp.Origin),
            ["webauthn_register_displayname"] = name,
        });
    }

    public static async Task<HttpResponseMessage> StepUpAsync(FlowClient client, SoftwareAuthenticator key, string origin)
    {
        var flow = await client.InitAsync("login", "?aal=aal2");
        return await client.SubmitAsync(flow, new()
        {
            ["method"] = "webauthn",
            ["identifier"] = Value(flow, "identifier"),
            ["webauthn_login"] = key.Get(Value(flow, "webauthn_login_trigger"), origin),
        });
    }

    /// <summary>The identity's <c>webauthn</c> credential as the admin API shows it.</summary>
    public async Task<JsonNode> CredentialAsync(string id)
    {
        var identity = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=webauthn")).JsonAsync();
        return identity["credentials"]!["webauthn"]!;
    }

    /// <summary>How many keys the identity's <c>webauthn</c> credential holds (0 when it has none, or no credential).</summary>
    public async Task<int> KeyCountAsync(string id)
    {
        var identity = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=webauthn")).JsonAsync();
        return identity["credentials"]?["webauthn"]?["config"]?["credentials"]?.AsArray().Count ?? 0;
    }

    public static List<string> Methods(JsonNode session) =>
        session["authentication_methods"]!.AsArray().Select(m => $"{m!["method"]}:{m["aal"]}").ToList();
}
