using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.Schema;

/// <summary>
/// Resolves <c>$ref</c> documents only from where the schema itself came from: files in the schema's own folder
/// tree, or the same scheme, host and port. Anything else (another host, file paths elsewhere) is refused, so a
/// schema cannot be used to read arbitrary files or reach arbitrary hosts.
/// </summary>
internal sealed class SameOriginResolver(Uri? baseUri, SchemaSource source) : ISchemaDocumentResolver
{
    public JsonElement? Resolve(Uri documentUri)
    {
        if (baseUri is null || !IsSameOrigin(documentUri))
        {
            return null;
        }

        var url = documentUri.IsFile ? "file://" + documentUri.LocalPath : documentUri.GetLeftPart(UriPartial.Query);
        var bytes = source.FetchAsync(url, CancellationToken.None).GetAwaiter().GetResult();
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    private bool IsSameOrigin(Uri target)
    {
        if (baseUri!.IsFile)
        {
            var folder = Path.GetDirectoryName(baseUri.LocalPath) + Path.DirectorySeparatorChar;
            return target.IsFile && Path.GetFullPath(target.LocalPath).StartsWith(folder, StringComparison.Ordinal);
        }

        return string.Equals(target.Scheme, baseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.Host, baseUri.Host, StringComparison.OrdinalIgnoreCase)
            && target.Port == baseUri.Port;
    }
}
