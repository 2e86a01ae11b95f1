using System.Globalization;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Identity;

/// <summary>
/// RFC 6902 with Kratos's restrictions: only <c>add</c>, <c>remove</c> and <c>replace</c>; a <c>replace</c> of an
/// object member acts as <c>add</c>, so replacing a missing key works.
/// </summary>
internal static class JsonPatch
{
    private const string Failed = "failed to apply JSON patch";

    public static JsonNode Apply(JsonNode document, JsonArray patch, Func<string, bool> isDenied)
    {
        var root = new JsonObject { ["r"] = document.DeepClone() };
        foreach (var node in patch)
        {
            var op = node as JsonObject ?? throw KratosErrors.BadRequest(Failed, null);
            var kind = (op["op"] as JsonValue)?.GetValue<string>();
            var path = (op["path"] as JsonValue)?.GetValue<string>() ?? throw KratosErrors.BadRequest($"{Failed}: an operation has no path");
            if (isDenied(path))
            {
                throw KratosErrors.BadRequest($"patch includes denied path: {path}");
            }

            var tokens = Parse(path);
            switch (kind)
            {
                case "add" or "replace":
                    if (!op.ContainsKey("value"))
                    {
                        throw KratosErrors.BadRequest($"{Failed}: \"{kind}\" needs a value");
                    }

                    Add(root, tokens, op["value"]?.DeepClone(), kind == "replace");
                    break;
                case "remove":
                    Remove(root, tokens);
                    break;
                default:
                    throw KratosErrors.BadRequest($"{Failed}: unsupported operation \"{kind}\"");
            }
        }

        return root["r"]!;
    }

    private static List<string> Parse(string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw KratosErrors.BadRequest($"{Failed}: invalid JSON pointer \"{pointer}\"");
        }

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
                _ => throw KratosErrors.BadRequest($"{Failed}: path does not exist"),
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
                throw KratosErrors.BadRequest($"{Failed}: cannot add to a scalar");
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
                throw KratosErrors.BadRequest($"{Failed}: path does not exist");
        }
    }

    private static int Index(string token, int max) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= max && i >= 0
            ? i
            : throw KratosErrors.BadRequest($"{Failed}: invalid array index \"{token}\"");
}
