namespace Custos.Schema.Validation;

/// <summary>A schema resource: a document root or a subschema with its own <c>$id</c>; the unit of the dynamic scope.</summary>
internal sealed class SchemaResource(Uri baseUri, string documentKey, string rootPointer, SchemaDialect dialect)
{
    public Uri BaseUri { get; } = baseUri;

    public string Key { get; } = SchemaUri.Key(baseUri);

    /// <summary>The retrieval key of the document that physically contains this resource.</summary>
    public string DocumentKey { get; } = documentKey;

    /// <summary>Where the resource's root sits in its document, as a JSON pointer.</summary>
    public string RootPointer { get; } = rootPointer;

    public SchemaDialect Dialect { get; } = dialect;

    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(StringComparer.Ordinal);
}
