namespace Custos.Schema.Validation;

/// <summary>
/// One failed assertion. <paramref name="InstanceLocation"/> is a JSON pointer into the instance (<c>""</c> is the root);
/// <paramref name="KeywordLocation"/> is <c>#</c> plus the JSON pointer of the keyword inside its schema document.
/// <paramref name="Context"/> holds the keyword parameters (<c>min_length</c>, <c>actual_type</c>, <c>pattern</c>, ...).
/// </summary>
internal sealed record SchemaError(
    string InstanceLocation,
    string KeywordLocation,
    string Keyword,
    string Message,
    IReadOnlyDictionary<string, object?> Context);
