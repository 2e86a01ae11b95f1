using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Identity;

/// <summary>
/// Checks the shape of a JSON Patch document before anything is applied, in Kratos's two steps, each a 400: the body
/// must decode into Kratos's operation struct (an array of objects whose <c>op</c>, <c>path</c> and <c>from</c> are
/// strings; reason "failed to unmarshal JSON patch"), then every operation must be one Kratos applies (<c>add</c>,
/// <c>remove</c>, <c>replace</c>) with the members RFC 6902 requires (reason "failed to apply JSON patch").
/// </summary>
internal static class JsonPatchParser
{
    public const string UnmarshalFailed = "failed to unmarshal JSON patch";
    public const string ApplyFailed = "failed to apply JSON patch";

    private static readonly string[] StringMembers = ["op", "path", "from"];

    public static IReadOnlyList<JsonPatchOperation> Parse(JsonNode? body)
    {
        if (body is not JsonArray array)
        {
            throw Unmarshal($"json: cannot unmarshal {GoKind(body)} into Go value of type []identity.patchOp");
        }

        // Kratos decodes the whole document first, so a type error anywhere wins over a bad operation earlier on.
        foreach (var element in array)
        {
            CheckTypes(element);
        }

        return array.Select(e => Operation(e as JsonObject ?? [])).ToList();
    }

    private static void CheckTypes(JsonNode? element)
    {
        if (element is null)
        {
            return;
        }

        var op = element as JsonObject
            ?? throw Unmarshal($"json: cannot unmarshal {GoKind(element)} into Go value of type identity.patchOp");
        foreach (var member in StringMembers)
        {
            if (op[member] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                throw Unmarshal($"json: cannot unmarshal {GoKind(value)} into Go struct field patchOp.{member} of type string");
            }
        }
    }

    private static JsonPatchOperation Operation(JsonObject op)
    {
        var kind = op["op"]?.GetValue<string>();
        // move, copy and test are valid RFC 6902 but refused by Kratos (they are buggy in its patch library).
        if (kind is not ("add" or "remove" or "replace"))
        {
            throw Apply($"unsupported operation: {kind ?? "unknown"}");
        }

        var path = op["path"]?.GetValue<string>() ?? throw Apply("error parsing patch operations: operation missing path field");
        CheckPointer(path);
        if (kind != "remove" && !op.ContainsKey("value"))
        {
            throw Apply($"the \"{kind}\" operation on \"{path}\" has no \"value\" member");
        }

        return new JsonPatchOperation(kind, path, op["value"]?.DeepClone());
    }

    // RFC 6901: "" or a sequence of "/"-prefixed tokens in which "~" only appears as "~0" or "~1".
    private static void CheckPointer(string path)
    {
        if (path.Length > 0 && path[0] != '/')
        {
            throw Apply($"invalid JSON pointer \"{path}\": it must be empty or start with \"/\"");
        }

        for (var i = path.IndexOf('~'); i >= 0; i = path.IndexOf('~', i + 1))
        {
            if (i + 1 >= path.Length || path[i + 1] is not ('0' or '1'))
            {
                throw Apply($"invalid JSON pointer \"{path}\": \"~\" must be followed by 0 or 1");
            }
        }
    }

    private static string GoKind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "bool",
    };

    private static CustosException Unmarshal(string message) => new(400, message, UnmarshalFailed);

    private static CustosException Apply(string message) => new(400, message, ApplyFailed);
}
