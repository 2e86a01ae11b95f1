// TEMPORARY STUB — replaced by the validator from the schema branch.
using System.Text.Json;
namespace Custos.Schema.Validation;
internal interface ISchemaDocumentResolver { JsonElement? Resolve(Uri documentUri); }
internal sealed class SchemaLoadException(string message) : Exception(message);
internal sealed record SchemaError(string InstanceLocation, string KeywordLocation, string Keyword, string Message, IReadOnlyDictionary<string, object?> Context);
internal sealed record KeywordAnnotation(string Keyword, string InstanceLocation, JsonElement KeywordValue, JsonElement Instance);
internal sealed record SchemaValidationResult(IReadOnlyList<SchemaError> Errors, IReadOnlyList<KeywordAnnotation> Annotations) { public bool IsValid => Errors.Count == 0; }
internal sealed class JsonSchema
{
    public static JsonSchema Load(JsonElement root, Uri? baseUri = null, ISchemaDocumentResolver? resolver = null) => new();
    public SchemaValidationResult Validate(JsonElement instance, IReadOnlyCollection<string>? annotationKeywords = null) => new([], []);
}
