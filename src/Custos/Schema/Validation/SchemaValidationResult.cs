namespace Custos.Schema.Validation;

/// <summary>The outcome of validating one instance: leaf errors and the requested custom keyword annotations.</summary>
internal sealed record SchemaValidationResult(IReadOnlyList<SchemaError> Errors, IReadOnlyList<KeywordAnnotation> Annotations)
{
    public bool IsValid => Errors.Count == 0;
}
