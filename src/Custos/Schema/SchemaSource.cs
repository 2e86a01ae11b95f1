using System.Text;

namespace Custos.Schema;

/// <summary>
/// Fetches schema documents from the URL forms Kratos accepts: <c>file://</c> (everything after the scheme is the
/// path, relative paths resolve against the working directory), <c>base64://</c>, <c>http(s)://</c>, and our
/// <c>builtin://default</c>.
/// </summary>
internal sealed class SchemaSource(IHttpClientFactory httpClients)
{
    public const string BuiltinDefault = "builtin://default";

    public async Task<byte[]> FetchAsync(string url, CancellationToken ct)
    {
        if (url == BuiltinDefault)
        {
            var stream = typeof(SchemaSource).Assembly.GetManifestResourceStream("Custos.Schema.Embedded.default-identity.schema.json")
                ?? throw new InvalidOperationException("the built-in identity schema is missing from the assembly");
            await using (stream)
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, ct);
                return copy.ToArray();
            }
        }

        if (url.StartsWith("base64://", StringComparison.Ordinal))
        {
            var encoded = url["base64://".Length..];
            return DecodeBase64(encoded);
        }

        if (url.StartsWith("file://", StringComparison.Ordinal))
        {
            return await File.ReadAllBytesAsync(FilePath(url), ct);
        }

        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var client = httpClients.CreateClient(nameof(SchemaSource));
            using var response = await client.GetAsync(new Uri(url), ct);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(ct);
        }

        if (Path.IsPathRooted(url) || url.StartsWith("./", StringComparison.Ordinal))
        {
            return await File.ReadAllBytesAsync(url, ct);
        }

        throw new FormatException($"unsupported schema URL \"{url}\"; use file://, base64://, http(s)://");
    }

    /// <summary>The local path of a <c>file://</c> URL.</summary>
    public static string FilePath(string url)
    {
        var path = Uri.UnescapeDataString(url["file://".Length..]);
        return Path.GetFullPath(path);
    }

    private static byte[] DecodeBase64(string encoded)
    {
        var s = encoded.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            return Encoding.UTF8.GetBytes(encoded);
        }
    }
}
