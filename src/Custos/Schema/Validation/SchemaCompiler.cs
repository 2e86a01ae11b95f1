using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>
/// Turns schema JSON into <see cref="SchemaNode"/>s: tracks base URIs through <c>$id</c>, registers anchors, and builds
/// each node's keyword evaluators (see the <c>Keywords</c> part).
/// </summary>
internal sealed partial class SchemaCompiler(SchemaRegistry registry)
{
    public SchemaNode Compile(JsonElement element, string documentKey, string pointer, SchemaResource resource)
    {
        var locationKey = documentKey + "#" + pointer;
        if (registry.TryGetLocation(locationKey, out var existing))
        {
            return existing;
        }

        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            var constant = new SchemaNode(element, "#" + pointer, resource, resource.Dialect);
            registry.AddLocation(locationKey, constant);
            return constant;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(pointer, $"a schema must be an object or a boolean, not {JsonValues.TypeName(element)}");
        }

        // In draft-07 a $ref hides all its siblings, $id included.
        var hidesSiblings = resource.Dialect.Draft == SchemaDraft.Draft7 && element.TryGetProperty("$ref", out _);
        string? legacyAnchor = null;
        if (!hidesSiblings)
        {
            resource = EnterResource(element, documentKey, pointer, resource, out legacyAnchor);
        }

        var node = new SchemaNode(element, "#" + pointer, resource, resource.Dialect) { HidesSiblings = hidesSiblings };
        registry.AddLocation(locationKey, node);
        RegisterAnchors(node, element, pointer, legacyAnchor);
        node.Keywords = BuildKeywords(node, new Scope(documentKey, pointer, resource));
        return node;
    }

    private SchemaResource EnterResource(JsonElement element, string documentKey, string pointer, SchemaResource resource, out string? legacyAnchor)
    {
        legacyAnchor = null;
        if (!element.TryGetProperty("$id", out var id))
        {
            return resource;
        }

        if (id.ValueKind != JsonValueKind.String)
        {
            throw Invalid(pointer, "$id must be a string");
        }

        var text = id.GetString()!;
        var draft7 = resource.Dialect.Draft == SchemaDraft.Draft7;
        if (text.StartsWith('#'))
        {
            // A draft-07 "$id": "#name" is a plain-name anchor, not a new resource.
            legacyAnchor = draft7 && text.Length > 1 ? text[1..] : null;
            return resource;
        }

        var (document, fragment) = SchemaUri.Resolve(resource.BaseUri, text);
        legacyAnchor = draft7 && fragment.Length > 0 ? fragment : null;
        if (SchemaUri.Key(document) == resource.Key && pointer == resource.RootPointer)
        {
            return resource;
        }

        var dialect = element.TryGetProperty("$schema", out _) ? registry.DetermineDialect(element, resource.Dialect) : resource.Dialect;
        var entered = new SchemaResource(document, documentKey, pointer, dialect);
        registry.AddResource(entered);
        return entered;
    }

    private void RegisterAnchors(SchemaNode node, JsonElement element, string pointer, string? legacyAnchor)
    {
        if (legacyAnchor is not null)
        {
            registry.AddAnchor(node.Resource, legacyAnchor, node);
        }

        if (node.Dialect.Draft == SchemaDraft.Draft7)
        {
            return;
        }

        if (element.TryGetProperty("$anchor", out var anchor))
        {
            registry.AddAnchor(node.Resource, ReadString(anchor, pointer, "$anchor"), node);
        }

        if (element.TryGetProperty("$dynamicAnchor", out var dynamicAnchor))
        {
            var name = ReadString(dynamicAnchor, pointer, "$dynamicAnchor");
            registry.AddAnchor(node.Resource, name, node);
            node.Resource.DynamicAnchors.TryAdd(name, node);
            node.DynamicAnchor = name;
        }
    }

    private static string ReadString(JsonElement value, string pointer, string keyword) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(pointer, $"{keyword} must be a string");

    private static SchemaLoadException Invalid(string pointer, string problem) =>
        new($"Invalid JSON schema at '#{pointer}': {problem}.");

    /// <summary>Where keywords of the node being built live: its document, its pointer and its resource.</summary>
    private readonly record struct Scope(string DocumentKey, string Pointer, SchemaResource Resource);
}
