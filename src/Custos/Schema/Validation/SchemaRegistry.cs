using System.Text.Json;
using Custos.Schema.Validation.Keywords;

namespace Custos.Schema.Validation;

/// <summary>
/// Everything one <see cref="JsonSchema.Load"/> call knows: documents, resources (by <c>$id</c>), anchors and compiled
/// nodes by location, plus the references still waiting to be bound. Documents outside the loaded one come only from
/// the embedded meta-schemas or the caller's resolver; anything else is refused.
/// </summary>
internal sealed class SchemaRegistry
{
    private readonly Dictionary<string, JsonElement> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaResource> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _locations = new(StringComparer.Ordinal);
    private readonly Queue<(RefKeyword Reference, SchemaDialect Dialect)> _unbound = new();
    private readonly ISchemaDocumentResolver? _resolver;

    public SchemaRegistry(ISchemaDocumentResolver? resolver, SchemaLoadOptions options)
    {
        _resolver = resolver;
        Options = options;
        Compiler = new SchemaCompiler(this);
    }

    public SchemaLoadOptions Options { get; }

    public SchemaCompiler Compiler { get; }

    public SchemaNode AddDocument(JsonElement root, Uri retrievalUri, SchemaDialect fallback)
    {
        var documentKey = SchemaUri.Key(retrievalUri);
        if (_locations.TryGetValue(documentKey + "#", out var existing))
        {
            return existing;
        }

        _documents[documentKey] = root;
        var resource = new SchemaResource(new Uri(documentKey), documentKey, string.Empty, DetermineDialect(root, fallback));
        AddResource(resource);
        return Compiler.Compile(root, documentKey, string.Empty, resource);
    }

    public void AddResource(SchemaResource resource) => _resources.TryAdd(resource.Key, resource);

    public void AddAnchor(SchemaResource resource, string name, SchemaNode node) => _anchors.TryAdd(resource.Key + "#" + name, node);

    public void AddLocation(string locationKey, SchemaNode node) => _locations.TryAdd(locationKey, node);

    public bool TryGetLocation(string locationKey, out SchemaNode node) => _locations.TryGetValue(locationKey, out node!);

    public void AddUnbound(RefKeyword reference, SchemaDialect dialect) => _unbound.Enqueue((reference, dialect));

    /// <summary>Binds every pending reference; loading a referenced document may queue more.</summary>
    public void BindAll()
    {
        while (_unbound.TryDequeue(out var pending))
        {
            pending.Reference.Target = Resolve(pending.Reference, pending.Dialect);
        }
    }

    public SchemaDialect DetermineDialect(JsonElement schema, SchemaDialect fallback)
    {
        if (schema.ValueKind != JsonValueKind.Object
            || !schema.TryGetProperty("$schema", out var declared)
            || declared.ValueKind != JsonValueKind.String)
        {
            return fallback;
        }

        var uri = declared.GetString()!.TrimEnd('#');
        switch (uri)
        {
            case "http://json-schema.org/draft-07/schema" or "https://json-schema.org/draft-07/schema"
                or "http://json-schema.org/draft-06/schema" or "http://json-schema.org/draft-04/schema":
                return SchemaDialect.Draft7;
            case "https://json-schema.org/draft/2020-12/schema" or "https://json-schema.org/draft/2019-09/schema":
                return SchemaDialect.Draft202012;
        }

        return CustomMetaSchemaDialect(uri, fallback);
    }

    private SchemaDialect CustomMetaSchemaDialect(string uri, SchemaDialect fallback)
    {
        // An unknown meta-schema is only consulted when the caller can supply it; otherwise the default rules apply.
        if (_resolver is null || !Uri.TryCreate(uri, UriKind.Absolute, out var metaUri))
        {
            return fallback;
        }

        var key = SchemaUri.Key(metaUri);
        if (!_documents.ContainsKey(key))
        {
            var document = _resolver.Resolve(metaUri);
            if (document is null)
            {
                return fallback;
            }

            AddDocument(document.Value.Clone(), metaUri, fallback);
        }

        var meta = _documents[key];
        var dialect = meta.TryGetProperty("$schema", out var metaSchema) && metaSchema.GetString()?.TrimEnd('#') == uri
            ? fallback
            : DetermineDialect(meta, fallback);
        if (!meta.TryGetProperty("$vocabulary", out var vocabularies) || vocabularies.ValueKind != JsonValueKind.Object)
        {
            return dialect;
        }

        bool validation = false, applicator = false, unevaluated = false, formatAssertion = false;
        foreach (var vocabulary in vocabularies.EnumerateObject())
        {
            var name = vocabulary.Name[(vocabulary.Name.LastIndexOf('/') + 1)..];
            var known = vocabulary.Name.StartsWith("https://json-schema.org/draft/2020-12/vocab/", StringComparison.Ordinal)
                || vocabulary.Name.StartsWith("https://json-schema.org/draft/2019-09/vocab/", StringComparison.Ordinal);
            validation |= known && name == "validation";
            applicator |= known && name == "applicator";
            unevaluated |= known && name == "unevaluated";
            formatAssertion |= known && name == "format-assertion";
            if (!known && vocabulary.Value.ValueKind == JsonValueKind.True)
            {
                throw new SchemaLoadException($"The meta-schema '{uri}' requires the unsupported vocabulary '{vocabulary.Name}'.");
            }
        }

        return new SchemaDialect(dialect.Draft, validation, applicator, unevaluated, formatAssertion ? true : null);
    }

    private SchemaNode Resolve(RefKeyword reference, SchemaDialect dialect)
    {
        var hash = reference.TargetUri.IndexOf('#', StringComparison.Ordinal);
        var documentKey = hash < 0 ? reference.TargetUri : reference.TargetUri[..hash];
        var fragment = hash < 0 ? string.Empty : reference.TargetUri[(hash + 1)..];
        if (!_resources.ContainsKey(documentKey))
        {
            LoadDocument(documentKey, dialect, reference);
        }

        var resource = _resources.GetValueOrDefault(documentKey)
            ?? throw new SchemaLoadException($"The {reference.Keyword} '{reference.Reference}' at '{reference.Location}' cannot be resolved.");
        if (fragment.Length == 0 || fragment[0] == '/')
        {
            return Locate(resource, fragment, reference);
        }

        return _anchors.GetValueOrDefault(resource.Key + "#" + fragment)
            ?? throw new SchemaLoadException($"The {reference.Keyword} '{reference.Reference}' at '{reference.Location}' names the unknown anchor '{fragment}'.");
    }

    private SchemaNode Locate(SchemaResource resource, string pointer, RefKeyword reference)
    {
        var fullPointer = resource.RootPointer + pointer;
        if (_locations.TryGetValue(resource.DocumentKey + "#" + fullPointer, out var node))
        {
            return node;
        }

        if (!JsonPointer.TryNavigate(_documents[resource.DocumentKey], fullPointer, out var element))
        {
            throw new SchemaLoadException($"The {reference.Keyword} '{reference.Reference}' at '{reference.Location}' points to a location that does not exist.");
        }

        return Compiler.Compile(element, resource.DocumentKey, fullPointer, resource);
    }

    private void LoadDocument(string documentKey, SchemaDialect dialect, RefKeyword reference)
    {
        if (EmbeddedMetaSchemas.TryGet(documentKey, out var embedded))
        {
            AddDocument(embedded, new Uri(documentKey), dialect);
            return;
        }

        if (_resolver is null)
        {
            throw new SchemaLoadException(
                $"The {reference.Keyword} '{reference.Reference}' at '{reference.Location}' points to the external document '{documentKey}'; " +
                "references outside the schema document are refused because no document resolver is configured.");
        }

        var document = _resolver.Resolve(new Uri(documentKey))
            ?? throw new SchemaLoadException(
                $"The {reference.Keyword} '{reference.Reference}' at '{reference.Location}' points to the document '{documentKey}', which the resolver refused or does not know.");
        AddDocument(document.Clone(), new Uri(documentKey), dialect);
    }
}
