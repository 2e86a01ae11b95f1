using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>
/// One social sign-in as a client lives it: the provider button on a flow, the authorization URL Custos sends the
/// person to, the code the stand-in provider issues for a subject, and the provider's redirect back to the callback
/// (opened with the client's cookies, or none for a native app's in-app browser).
/// </summary>
internal sealed class OidcDance(OidcStrategyApp app)
{
    /// <summary>The authorization URL and what it carries.</summary>
    public sealed record Started(JsonObject Flow, string AuthorizeUrl, string State, string? Challenge);

    /// <summary>ID token claims from <c>op</c>'s issuer (or <paramref name="issuer"/>) for <c>client-1</c>, valid for an hour of the app's clock.</summary>
    public JsonObject Claims(string sub, string? email, string? issuer = null)
    {
        var now = app.ManualClock.GetUtcNow().ToUnixTimeSeconds();
        var claims = new JsonObject { ["iss"] = issuer ?? app.Idp.Url, ["sub"] = sub, ["aud"] = "client-1", ["iat"] = now, ["exp"] = now + 3600 };
        if (email is not null)
        {
            claims["email"] = email;
            claims["email_verified"] = true;
        }

        return claims;
    }

    /// <summary>Presses the provider button on <paramref name="flow"/> (a new one of <paramref name="type"/> when null).</summary>
    public async Task<Started> StartAsync(FlowClient client, string type, string provider = "op", JsonObject? flow = null, Dictionary<string, string>? extra = null)
    {
        flow ??= await client.InitAsync(type);
        var fields = new Dictionary<string, string>(extra ?? []) { ["method"] = "oidc", ["provider"] = provider };
        var response = await client.SubmitAsync(flow, fields);
        string url;
        if (client.Kind == ClientKind.Browser)
        {
            Assert.True(response.StatusCode == HttpStatusCode.SeeOther, await response.Content.ReadAsStringAsync());
            url = response.Headers.Location!.ToString();
        }
        else
        {
            var body = await response.JsonAsync();
            Assert.True((int)response.StatusCode == 422, body.ToJsonString());
            Assert.Equal("browser_location_change_required", body["error"]!["id"]!.GetValue<string>());
            url = body["redirect_browser_to"]!.GetValue<string>();
        }

        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        return new Started(flow, url, query["state"].ToString(), query.TryGetValue("code_challenge", out var c) ? c.ToString() : null);
    }

    /// <summary>The provider's redirect back with <paramref name="query"/>.</summary>
    public static string CallbackUrl(string provider, IDictionary<string, string?> query) =>
        QueryHelpers.AddQueryString("/self-service/methods/oidc/callback/" + provider, query);

    /// <summary>The provider signs <paramref name="claims"/> in: a code for them, and the callback URL that carries it.</summary>
    public string Approve(Started started, JsonObject claims, string provider = "op")
    {
        var code = "code-" + Guid.NewGuid().ToString("N");
        var idp = provider == "apple" ? app.AppleIdp : app.Idp;
        idp.Issue(code, idp.Sign(claims), started.Challenge);
        return CallbackUrl(provider, new Dictionary<string, string?> { ["code"] = code, ["state"] = started.State });
    }

    /// <summary>Opens a callback URL in the client's browser (a native app's in-app browser has no cookies).</summary>
    public static Task<HttpResponseMessage> OpenAsync(FlowClient client, string url, bool json = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(json ? "application/json" : "text/html");
        return client.Http.SendAsync(request);
    }

    /// <summary>A whole round trip for <paramref name="sub"/>: button, provider, callback.</summary>
    public async Task<HttpResponseMessage> SignInAsync(FlowClient client, string type, string sub, string? email, string provider = "op")
    {
        var started = await StartAsync(client, type, provider);
        return await OpenAsync(client, Approve(started, Claims(sub, email)));
    }

    /// <summary>Asserts the callback answer signed the client in (a native app keeps the token) and returns whoami.</summary>
    public static async Task<JsonObject> SignedInAsync(FlowClient client, HttpResponseMessage callback)
    {
        var text = await callback.Content.ReadAsStringAsync();
        if (client.Kind == ClientKind.Api)
        {
            Assert.True(callback.StatusCode == HttpStatusCode.OK, text);
            client.SessionToken = JsonNode.Parse(text)!["session_token"]!.GetValue<string>();
        }
        else
        {
            Assert.True(callback.StatusCode == HttpStatusCode.SeeOther, $"{(int)callback.StatusCode} {callback.Headers.Location} {text}");
            Assert.Equal("http://localhost:4455/", callback.Headers.Location!.ToString());
        }

        var whoami = await client.WhoamiAsync();
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        return (await whoami.JsonAsync()).AsObject();
    }

    /// <summary>The identity with its <c>oidc</c> credential as the admin API shows it (tokens decrypted).</summary>
    public async Task<JsonObject> AdminIdentityAsync(string id)
    {
        var response = await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=oidc");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsObject();
    }

    /// <summary>The <c>oidc</c> credential's identifiers (empty when it has none).</summary>
    public async Task<List<string>> IdentifiersAsync(string id) =>
        (await AdminIdentityAsync(id))["credentials"]?["oidc"]?["identifiers"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];

    /// <summary>The stored <c>oidc</c> credential config, as the database holds it.</summary>
    public async Task<string> RawConfigAsync(string id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT CAST(config AS TEXT) FROM identity_credentials WHERE identity_id = @id AND type = 'oidc'", new { id = Guid.Parse(id) })) ?? "";
    }

    public static string FlowIdIn(Uri location) => QueryValue(location, "flow");

    public static string QueryValue(Uri location, string key) => QueryHelpers.ParseQuery(location.Query)[key].ToString();
}
