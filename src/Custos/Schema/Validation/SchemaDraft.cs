namespace Custos.Schema.Validation;

/// <summary>The JSON Schema dialects the validator understands.</summary>
internal enum SchemaDraft
{
    Draft7,
    Draft202012,
}
