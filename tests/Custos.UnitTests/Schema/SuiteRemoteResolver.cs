using System.Text.Json;
using Custos.Schema.Validation;

namespace Custos.UnitTests.Schema;

/// <summary>Serves the test suite's <c>remotes/</c> folder under <c>http://localhost:1234/</c>, the suite's convention.</summary>
internal sealed class SuiteRemoteResolver(string remotesDirectory) : ISchemaDocumentResolver
{
    private readonly string _root = Path.GetFullPath(remotesDirectory) + Path.DirectorySeparatorChar;

    public JsonElement? Resolve(Uri documentUri)
    {
        if (documentUri.Scheme != Uri.UriSchemeHttp || documentUri.Host != "localhost" || documentUri.Port != 1234)
        {
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(_root, Uri.UnescapeDataString(documentUri.AbsolutePath.TrimStart('/'))));
        if (!path.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(path))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }
}
