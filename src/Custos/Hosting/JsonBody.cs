using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.Hosting;

/// <summary>
/// Reads a JSON request body with a size cap, a depth cap and strict UTF-8, so that bad input always ends in a
/// 4xx envelope: 413 too large, 415 not JSON, 400 malformed.
/// </summary>
internal static class JsonBody
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = RequestLimits.MaxJsonDepth, CommentHandling = JsonCommentHandling.Disallow };

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
            return JsonNode.Parse(body, documentOptions: Options)
                ?? throw KratosErrors.BadRequest("The request body must not be JSON null.");
        }
        catch (JsonException e)
        {
            throw KratosErrors.BadRequest("The request body is not valid JSON: " + Sanitize(e.Message));
        }
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
