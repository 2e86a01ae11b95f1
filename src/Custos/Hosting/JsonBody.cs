using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Custos.Hosting;

/// <summary>
/// Reads a JSON request body with a size cap, a depth cap and strict UTF-8, so that bad input always ends in a
/// 4xx envelope: 413 too large, 415 not JSON, 400 malformed.
/// </summary>
internal static class JsonBody
{
    // A repeated member is refused: JsonObject cannot hold it (reading it would throw), and parsers that disagree on
    // which copy wins are a classic way to smuggle a value past a check.
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = RequestLimits.MaxJsonDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = RequestLimits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Disallow };

    public static async Task<JsonNode> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var contentType = request.ContentType;
        if (!string.IsNullOrEmpty(contentType) && !IsJson(contentType))
        {
            throw KratosErrors.UnsupportedMediaType($"Expected Content-Type application/json but got \"{contentType}\".");
        }

        if (request.ContentLength > RequestLimits.MaxBodyBytes)
        {
            throw KratosErrors.RequestTooLarge(RequestLimits.MaxBodyBytes);
        }

        var body = await ReadLimitedAsync(request, ct);
        if (body.Length == 0)
        {
            throw KratosErrors.BadRequest("The request body is empty; a JSON document was expected.");
        }

        try
        {
            return Parse(body)
                ?? throw KratosErrors.BadRequest("The request body must not be JSON null.");
        }
        catch (JsonException e)
        {
            throw KratosErrors.BadRequest("The request body is not valid JSON: " + Sanitize(e.Message));
        }
    }

    /// <summary>
    /// Parses JSON from a request (depth-limited, no comments). Every string must be readable: System.Text.Json decodes
    /// strings lazily, so invalid UTF-8 or an unpaired surrogate escape (<c>"\ud800"</c>) would parse here and throw an
    /// <see cref="InvalidOperationException"/> (a 500) wherever a handler first reads that string. Any such body is a
    /// <see cref="JsonException"/> now, which each reader turns into its 400.
    /// </summary>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw new JsonException("The JSON text is not valid UTF-8.");
        }

        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw new JsonException($"The JSON text contains an invalid \\u escape (an unpaired UTF-16 surrogate) at byte {reader.TokenStartIndex}.");
                }
            }
        }

        return JsonNode.Parse(utf8, documentOptions: Options);
    }

    /// <summary>The request body, refused with 413 as soon as it exceeds <see cref="RequestLimits.MaxBodyBytes"/>.</summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > RequestLimits.MaxBodyBytes)
            {
                throw KratosErrors.RequestTooLarge(RequestLimits.MaxBodyBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    // System.Text.Json messages can quote fragments of the input; keep only the position information.
    private static string Sanitize(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] + message[cut..].Split('|')[0] : message;
    }
}
