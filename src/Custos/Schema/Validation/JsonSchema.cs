using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>
/// A compiled JSON Schema (draft-07 or 2020-12, chosen by <c>$schema</c>). Immutable once loaded, so one instance can
/// validate concurrently.
/// </summary>
internal sealed class JsonSchema
{
    private readonly SchemaNode _root;
    private readonly SchemaLoadOptions _options;

    private JsonSchema(SchemaNode root, SchemaLoadOptions options)
    {
        _root = root;
        _options = options;
    }

    public SchemaDraft Draft => _root.Dialect.Draft;

    /// <summary>Compiles a schema document.</summary>
    /// <param name="root">The schema document; it is copied, so the caller may dispose its JsonDocument.</param>
    /// <param name="baseUri">The document's retrieval URI, used to resolve relative references; may be null.</param>
    /// <param name="resolver">Loads other documents for <c>$ref</c>; without one every reference leaving the document fails.</param>
    /// <param name="options">Dialect defaults and safety limits.</param>
    /// <exception cref="SchemaLoadException">The schema is invalid or references a document that is unknown or refused.</exception>
    public static JsonSchema Load(JsonElement root, Uri? baseUri = null, ISchemaDocumentResolver? resolver = null, SchemaLoadOptions? options = null)
    {
        options ??= SchemaLoadOptions.Default;
        var registry = new SchemaRegistry(resolver, options);
        var node = registry.AddDocument(root.Clone(), baseUri ?? SchemaUri.DefaultBase, SchemaDialect.For(options.DefaultDraft));
        registry.BindAll();
        return new JsonSchema(node, options);
    }

    /// <summary>Validates <paramref name="instance"/>.</summary>
    /// <param name="instance">The JSON to validate.</param>
    /// <param name="annotationKeywords">
    /// Custom keywords (e.g. <c>ory.sh/kratos</c>) to report for every subschema applied to an instance location.
    /// Subschemas whose failure is absorbed (a failing anyOf/oneOf branch, an <c>if</c> that does not hold, a <c>not</c>)
    /// contribute nothing.
    /// </param>
    public SchemaValidationResult Validate(JsonElement instance, IReadOnlyCollection<string>? annotationKeywords = null)
    {
        var context = new EvaluationContext(_options, annotationKeywords is { Count: > 0 } ? annotationKeywords : null);
        var result = context.Evaluate(_root, instance, string.Empty);
        return new SchemaValidationResult(result.Errors, result.Annotations);
    }
}
