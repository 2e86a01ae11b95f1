using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.Infrastructure;

internal static class HttpExtensions
{
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) => client.SendJsonAsync(HttpMethod.Post, url, json);

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("null body");

    public static async Task<JsonObject> CreateIdentityAsync(this HttpClient admin, string email, string? password = null)
    {
        var credentials = password is null ? "" : $$$$$""", "credentials": {"password": {"config": {"password": "{{{{{password}}}}}"}}}""";
        var response = await admin.PostJsonAsync("/admin/identities", $$$$$"""{"schema_id":"default","traits":{"email":"{{{{{email}}}}}"}{{{{{credentials}}}}}}""");
        var body = await response.JsonAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"create failed: {(int)response.StatusCode} {body.ToJsonString()}");
        }

        return body.AsObject();
    }
}
