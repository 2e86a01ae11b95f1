using System.Text.Json.Nodes;

namespace Custos.IntegrationTests.WebAuthn;

/// <summary>Reads what a UI reads from a flow's nodes: names, values, labels, and the ceremony options of a trigger.</summary>
internal static class WebAuthnFlowNodes
{
    public static IEnumerable<JsonObject> All(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray().Select(n => n!.AsObject());

    public static List<string> Names(JsonObject flow) =>
        All(flow).Select(n => n["attributes"]!["name"]?.GetValue<string>() ?? n["attributes"]!["id"]?.GetValue<string>() ?? "").ToList();

    public static JsonObject? Find(JsonObject flow, string name) =>
        All(flow).FirstOrDefault(n => n["attributes"]!["name"]?.GetValue<string>() == name);

    public static JsonObject Get(JsonObject flow, string name) => Find(flow, name) ?? throw new InvalidOperationException($"no node {name}: {string.Join(",", Names(flow))}");

    public static string Value(JsonObject flow, string name) => Get(flow, name)["attributes"]!["value"]!.GetValue<string>();

    public static long? LabelId(JsonObject node) => node["meta"]?["label"]?["id"]?.GetValue<long>();

    /// <summary>The options a trigger hands to <c>navigator.credentials</c>.</summary>
    public static string Options(JsonObject flow, string trigger) => Value(flow, trigger);
}
