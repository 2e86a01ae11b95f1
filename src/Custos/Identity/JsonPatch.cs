using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Identity;

/// <summary>
/// RFC 6902 with Kratos's restrictions, applied to operations that <see cref="JsonPatchParser"/> accepted: a
/// <c>replace</c> of an object member acts as <c>add</c>, so replacing a missing key works. Every path is checked
/// against the denied paths before anything is applied.
/// </summary>
internal static class JsonPatch
{
    private const string Failed = JsonPatchParser.ApplyFailed;

    public static JsonNode? Apply(JsonNode document, IReadOnlyList<JsonPatchOperation> patch, Func<string, bool> isDenied)
    {
        if (patch.FirstOrDefault(op => isDenied(op.Path)) is { } denied)
        {
            throw Error($"patch includes denied path: {denied.Path}");
        }

        var root = new JsonObject { ["r"] = document.DeepClone() };
        foreach (var op in patch)
        {
            var tokens = Parse(op.Path);
            if (op.Op == "remove")
            {
                Remove(root, tokens);
            }
            else
            {
                Add(root, tokens, op.Value?.DeepClone(), op.Op == "replace");
            }
        }

        return root["r"];
    }

    private static List<string> Parse(string pointer)
    {
        var tokens = new List<string> { "r" };
        tokens.AddRange(pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        return tokens;
    }

    private static JsonNode Parent(JsonObject root, List<string> tokens)
    {
        JsonNode current = root;
        foreach (var token in tokens.Take(tokens.Count - 1))
        {
            current = current switch
            {
                JsonObject o when o[token] is { } child => child,
                JsonArray a when Index(token, a.Count - 1) is var i && a[i] is { } item => item,
                _ => throw Error("path does not exist"),
            };
        }

        return current;
    }

    private static void Add(JsonObject root, List<string> tokens, JsonNode? value, bool replace)
    {
        var parent = Parent(root, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when replace:
                a[Index(last, a.Count - 1)] = value;
                break;
            case JsonArray a:
                a.Insert(last == "-" ? a.Count : Index(last, a.Count), value);
                break;
            default:
                throw Error("cannot add to a scalar");
        }
    }

    private static void Remove(JsonObject root, List<string> tokens)
    {
        var parent = Parent(root, tokens);
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o when o.ContainsKey(last):
                o.Remove(last);
                break;
            case JsonArray a:
                a.RemoveAt(Index(last, a.Count - 1));
                break;
            default:
                throw Error("path does not exist");
        }
    }

    private static int Index(string token, int max) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= max && i >= 0
            ? i
            : throw Error($"invalid array index \"{token}\"");

    private static CustosException Error(string message) => new(400, message, Failed);
}
