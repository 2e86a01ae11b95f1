using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Custos.SelfService.Flows.Http;

/// <summary>
/// Decodes a self-service submit body into one JSON object, whatever the encoding: <c>application/json</c>,
/// <c>application/x-www-form-urlencoded</c> or <c>multipart/form-data</c> (GET reads the query string, as Kratos's
/// link-click submissions do). Dotted names (<c>traits.name.first</c>) become nested objects, both as form fields
/// and as top-level JSON keys, and a <c>transient_payload</c> sent as a JSON string is parsed. Form values stay
/// strings; <see cref="TraitCoercion"/> converts traits to their schema types.
/// </summary>
internal static class FlowPayloadReader
{
    public const string JsonType = "application/json";
    public const string FormType = "application/x-www-form-urlencoded";
    public const string MultipartType = "multipart/form-data";

    private const int MaxNameDepth = 32;

    private static readonly FormOptions Limits = new()
    {
        BufferBody = false,
        ValueLengthLimit = (int)RequestLimits.MaxBodyBytes,
        MultipartBodyLengthLimit = RequestLimits.MaxBodyBytes,
    };

    /// <summary>
    /// A text field of the payload, or null when absent or JSON null; any other JSON type is a 400 naming the field
    /// (a number or array where Kratos's body schema expects a string).
    /// </summary>
    public static string? Text(JsonObject payload, string key) => payload[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw KratosErrors.BadRequest($"The request body field \"{key}\" must be a string."),
    };

    public static async Task<JsonObject> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return FromPairs(request.Query.Select(q => (q.Key, q.Value.ToArray())), parseTransientPayload: true);
        }

        if (request.ContentLength == 0)
        {
            throw KratosErrors.BadRequest("Unable to decode HTTP Request Body because its HTTP Header \"Content-Length\" is zero.");
        }

        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            throw KratosErrors.RequestTooLarge(RequestLimits.MaxBodyBytes);
        }

        var mediaType = (request.ContentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            JsonType => await ReadJsonAsync(request, ct),
            FormType or MultipartType => await FormPayloadAsync(request, ct),
            _ => throw KratosErrors.BadRequest(
                $"HTTP {request.Method.ToUpperInvariant()} Request used unknown HTTP Header \"Content-Type: {request.ContentType}\", only [{MultipartType} {FormType} {JsonType}] are supported."),
        };
    }

    /// <summary>
    /// Converts <c>traits</c> values to the schema's types (see <see cref="TraitCoercion"/>). <paramref name="form"/>:
    /// the body was a form (<c>request.HasFormContentType</c>), so empty strings count as absent even for string traits.
    /// </summary>
    public static void CoerceTraits(JsonObject payload, JsonElement identitySchema, bool form = true) =>
        TraitCoercion.Apply(payload, identitySchema, form);

    /// <summary>The string at a dotted path of a payload, or null when absent or not a string.</summary>
    public static string? GetString(JsonObject payload, string path) =>
        Find(payload, path) is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The node at a dotted path, or null.</summary>
    public static JsonNode? Find(JsonObject payload, string path)
    {
        JsonNode? current = payload;
        foreach (var segment in path.Split('.'))
        {
            current = (current as JsonObject)?[segment];
        }

        return current;
    }

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        var bytes = await JsonBody.ReadLimitedAsync(request, ct);
        JsonNode? parsed;
        try
        {
            parsed = JsonBody.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw KratosErrors.BadRequest("Unable to decode JSON payload: " + e.Message.Split(" Path:", 2)[0]);
        }

        if (parsed is not JsonObject body)
        {
            throw KratosErrors.BadRequest($"Expected JSON sent in request body to be an object but got: {GjsonType(parsed)}");
        }

        var payload = new JsonObject();
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            Set(payload, key, value);
        }

        ParseTransientPayload(payload, strict: false);
        return payload;
    }

    /// <summary>
    /// A form body (urlencoded or multipart) under the flow body limits; one that cannot be decoded (a bad encoding, a
    /// multipart body that ends before its closing boundary) is a 400.
    /// </summary>
    public static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            return await request.ReadFormAsync(Limits, ct);
        }
        catch (InvalidDataException e)
        {
            throw KratosErrors.BadRequest($"Unable to decode HTTP {request.Method.ToUpperInvariant()} form body: {e.Message}");
        }
        catch (IOException) when (!ct.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // A multipart body that ends before its closing boundary.
            throw KratosErrors.BadRequest($"Unable to decode HTTP {request.Method.ToUpperInvariant()} form body: the multipart body is truncated or malformed.");
        }
    }

    private static async Task<JsonObject> FormPayloadAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await ReadFormAsync(request, ct);
        return FromPairs(form.Select(f => (f.Key, f.Value.ToArray())), parseTransientPayload: true);
    }

    private static JsonObject FromPairs(IEnumerable<(string Key, string?[] Values)> pairs, bool parseTransientPayload)
    {
        var payload = new JsonObject();
        foreach (var (key, values) in pairs)
        {
            // A repeated field is a list only for traits, whose schema decides (TraitCoercion); every other field of a
            // flow body is a single value and, as with Kratos's form decoder, the first one counts (a UI may send
            // method=code both from a hidden input and from the button).
            var isTrait = key == "traits" || key.StartsWith("traits.", StringComparison.Ordinal);
            JsonNode? value = values.Length == 1 || (values.Length > 1 && !isTrait)
                ? JsonValue.Create(values[0] ?? "")
                : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v ?? "")).ToArray());
            Set(payload, key, value);
        }

        if (parseTransientPayload)
        {
            ParseTransientPayload(payload, strict: true);
        }

        return payload;
    }

    // "a.b.c" becomes {"a":{"b":{"c":value}}}; objects merge, otherwise the later key wins.
    private static void Set(JsonObject root, string key, JsonNode? value)
    {
        var segments = key.Split('.');
        if (segments.Length > MaxNameDepth || segments.Any(s => s.Length == 0))
        {
            segments = [key];
        }

        var current = root;
        foreach (var segment in segments[..^1])
        {
            if (current[segment] is not JsonObject next)
            {
                next = [];
                current[segment] = next;
            }

            current = next;
        }

        Merge(current, segments[^1], value);
    }

    private static void Merge(JsonObject target, string key, JsonNode? value)
    {
        if (target[key] is JsonObject existing && value is JsonObject incoming)
        {
            foreach (var (childKey, child) in incoming.ToList())
            {
                incoming.Remove(childKey);
                Merge(existing, childKey, child);
            }

            return;
        }

        target[key] = value;
    }

    // Forms can only carry transient_payload as a JSON string; Kratos inserts it as raw JSON.
    private static void ParseTransientPayload(JsonObject payload, bool strict)
    {
        if (payload["transient_payload"] is not JsonValue value || !value.TryGetValue<string>(out var raw))
        {
            return;
        }

        if (raw.Length == 0)
        {
            payload.Remove("transient_payload");
            return;
        }

        try
        {
            payload["transient_payload"] = JsonBody.Parse(Encoding.UTF8.GetBytes(raw));
        }
        catch (JsonException) when (!strict)
        {
            // a JSON body that sends a non-JSON string keeps it; schema validation reports the wrong type
        }
        catch (JsonException e)
        {
            throw KratosErrors.BadRequest("Unable to decode JSON payload: transient_payload is not valid JSON: " + e.Message.Split(" Path:", 2)[0]);
        }
    }

    private static string GjsonType(JsonNode? node) => node switch
    {
        null => "Null",
        JsonArray => "JSON",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "String",
            JsonValueKind.Number => "Number",
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            _ => "Null",
        },
        _ => "JSON",
    };
}
