using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>Reads code-method flows: the flow a step left behind, and nodes by name, input type and value (never by position).</summary>
internal static class CodeFlow
{
    /// <summary>
    /// The flow after a step that stays on it: for browsers the UI redirect is followed (the flow is fetched like a UI
    /// would); JSON clients get it in the 400 answer.
    /// </summary>
    public static async Task<JsonObject> AfterAsync(FlowClient client, HttpResponseMessage response, JsonObject flow)
    {
        if (client.Kind == ClientKind.Browser)
        {
            Assert.True(response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found, response.StatusCode.ToString());
            var kind = new Uri(flow["ui"]!["action"]!.GetValue<string>()).AbsolutePath.Split('/')[2];
            Assert.StartsWith($"http://localhost:4455/{kind}?flow=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            return await client.GetFlowAsync(kind, flow["id"]!.GetValue<string>());
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The first input named <paramref name="name"/>, optionally of this input type and value.</summary>
    public static JsonNode? Node(JsonObject flow, string name, string? type = null, string? value = null) =>
        flow["ui"]!["nodes"]!.AsArray().FirstOrDefault(n =>
            n!["attributes"]!["name"]?.GetValue<string>() == name
            && (type is null || Type(n) == type)
            && (value is null || n["attributes"]!["value"]?.ToString() == value));

    public static string? Type(JsonNode? node) => node?["attributes"]!["type"]?.GetValue<string>();

    /// <summary>The id of the node's label, or null when it has none (or there is no node).</summary>
    public static int? Label(JsonNode? node) => node?["meta"]?["label"]?["id"]?.GetValue<int>();
}
