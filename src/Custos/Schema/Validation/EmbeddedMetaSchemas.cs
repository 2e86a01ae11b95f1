using System.Reflection;
using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>
/// The official draft-07 and 2020-12 meta-schemas (public standards), embedded so that a <c>$ref</c> to them works
/// offline and without a resolver.
/// </summary>
internal static class EmbeddedMetaSchemas
{
    private static readonly Dictionary<string, string> ResourceByUri = new(StringComparer.Ordinal)
    {
        ["http://json-schema.org/draft-07/schema"] = "draft-07.schema.json",
        ["https://json-schema.org/draft/2020-12/schema"] = "draft-2020-12.schema.json",
        ["https://json-schema.org/draft/2020-12/meta/core"] = "draft-2020-12.meta.core.json",
        ["https://json-schema.org/draft/2020-12/meta/applicator"] = "draft-2020-12.meta.applicator.json",
        ["https://json-schema.org/draft/2020-12/meta/unevaluated"] = "draft-2020-12.meta.unevaluated.json",
        ["https://json-schema.org/draft/2020-12/meta/validation"] = "draft-2020-12.meta.validation.json",
        ["https://json-schema.org/draft/2020-12/meta/meta-data"] = "draft-2020-12.meta.meta-data.json",
        ["https://json-schema.org/draft/2020-12/meta/format-annotation"] = "draft-2020-12.meta.format-annotation.json",
        ["https://json-schema.org/draft/2020-12/meta/format-assertion"] = "draft-2020-12.meta.format-assertion.json",
        ["https://json-schema.org/draft/2020-12/meta/content"] = "draft-2020-12.meta.content.json",
    };

    private static readonly Lazy<Dictionary<string, JsonElement>> Documents = new(Load);

    public static bool TryGet(string documentKey, out JsonElement document) =>
        Documents.Value.TryGetValue(documentKey, out document);

    private static Dictionary<string, JsonElement> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var names = assembly.GetManifestResourceNames();
        var documents = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (uri, file) in ResourceByUri)
        {
            var name = names.Single(n => n.EndsWith("Schema.Embedded." + file, StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var json = JsonDocument.Parse(stream);
            documents[uri] = json.RootElement.Clone();
        }

        return documents;
    }
}
