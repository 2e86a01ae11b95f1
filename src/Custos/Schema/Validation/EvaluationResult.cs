namespace Custos.Schema.Validation;

/// <summary>
/// What evaluating one schema against one instance location produced: errors, custom annotations, and which
/// properties/items were evaluated (for <c>unevaluatedProperties</c>/<c>unevaluatedItems</c>).
/// </summary>
internal sealed class EvaluationResult
{
    private List<SchemaError>? _errors;
    private List<KeywordAnnotation>? _annotations;
    private HashSet<string>? _evaluatedProperties;
    private HashSet<int>? _evaluatedIndices;

    public bool IsValid => _errors is null || _errors.Count == 0;

    public int ErrorCount => _errors?.Count ?? 0;

    public IReadOnlyList<SchemaError> Errors => _errors ?? (IReadOnlyList<SchemaError>)[];

    public IReadOnlyList<KeywordAnnotation> Annotations => _annotations ?? (IReadOnlyList<KeywordAnnotation>)[];

    /// <summary>Items [0, n) were evaluated by <c>prefixItems</c> or tuple <c>items</c>.</summary>
    public int EvaluatedPrefix { get; private set; }

    public bool AllItemsEvaluated { get; private set; }

    public void AddError(SchemaError error) => (_errors ??= []).Add(error);

    public void AddAnnotation(KeywordAnnotation annotation) => (_annotations ??= []).Add(annotation);

    public void MarkPropertyEvaluated(string name) => (_evaluatedProperties ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    public bool IsPropertyEvaluated(string name) => _evaluatedProperties?.Contains(name) == true;

    public void MarkPrefixEvaluated(int count) => EvaluatedPrefix = Math.Max(EvaluatedPrefix, count);

    public void MarkAllItemsEvaluated() => AllItemsEvaluated = true;

    public void MarkItemEvaluated(int index) => (_evaluatedIndices ??= []).Add(index);

    public bool IsItemEvaluated(int index) =>
        AllItemsEvaluated || index < EvaluatedPrefix || _evaluatedIndices?.Contains(index) == true;

    /// <summary>Takes over a child's errors and annotations when the child looked at a nested instance location.</summary>
    public void MergeNested(EvaluationResult child)
    {
        if (child._errors is not null)
        {
            (_errors ??= []).AddRange(child._errors);
        }

        if (child._annotations is not null)
        {
            (_annotations ??= []).AddRange(child._annotations);
        }
    }

    /// <summary>Takes over everything, including evaluated properties/items, from a child applied to the same location.</summary>
    public void MergeSameLocation(EvaluationResult child)
    {
        MergeNested(child);
        if (child._evaluatedProperties is not null)
        {
            (_evaluatedProperties ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(child._evaluatedProperties);
        }

        if (child._evaluatedIndices is not null)
        {
            (_evaluatedIndices ??= []).UnionWith(child._evaluatedIndices);
        }

        EvaluatedPrefix = Math.Max(EvaluatedPrefix, child.EvaluatedPrefix);
        AllItemsEvaluated |= child.AllItemsEvaluated;
    }

    /// <summary>Takes over only the errors; used when every branch of anyOf/oneOf failed.</summary>
    public void MergeErrors(EvaluationResult child)
    {
        if (child._errors is not null)
        {
            (_errors ??= []).AddRange(child._errors);
        }
    }
}
