using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>The state of one <see cref="JsonSchema.Validate"/> call: options, evaluation depth and the dynamic scope.</summary>
internal sealed class EvaluationContext(SchemaLoadOptions options, IReadOnlyCollection<string>? annotationKeywords)
{
    private readonly List<SchemaResource> _dynamicScope = [];
    private int _depth;

    public SchemaLoadOptions Options { get; } = options;

    public EvaluationResult Evaluate(SchemaNode node, JsonElement instance, string instancePath)
    {
        var result = new EvaluationResult();
        if (node.IsTrue)
        {
            return result;
        }

        if (node.IsFalse)
        {
            result.AddError(new SchemaError(instancePath, node.Location, "false", "always fail", new Dictionary<string, object?>()));
            return result;
        }

        if (_depth >= Options.MaxEvaluationDepth)
        {
            // A $ref cycle that never descends into the instance would recurse forever; report it instead of overflowing the stack.
            result.AddError(new SchemaError(instancePath, node.Location, "$ref",
                $"schema evaluation exceeded the maximum depth of {Options.MaxEvaluationDepth}; the schema probably contains a $ref cycle",
                new Dictionary<string, object?> { ["max_depth"] = Options.MaxEvaluationDepth }));
            return result;
        }

        _depth++;
        var entered = _dynamicScope.Count == 0 || !ReferenceEquals(_dynamicScope[^1], node.Resource);
        if (entered)
        {
            _dynamicScope.Add(node.Resource);
        }

        try
        {
            CollectAnnotations(node, instance, instancePath, result);
            foreach (var keyword in node.Keywords)
            {
                var before = result.ErrorCount;
                keyword.Evaluate(this, instance, instancePath, result);
                if (keyword.StopsOnFailure && result.ErrorCount > before)
                {
                    break;
                }
            }
        }
        finally
        {
            _depth--;
            if (entered)
            {
                _dynamicScope.RemoveAt(_dynamicScope.Count - 1);
            }
        }

        return result;
    }

    /// <summary>The outermost resource in the dynamic scope that declares <c>$dynamicAnchor</c> <paramref name="name"/>.</summary>
    public SchemaNode? FindDynamicAnchor(string name)
    {
        foreach (var resource in _dynamicScope)
        {
            if (resource.DynamicAnchors.TryGetValue(name, out var node))
            {
                return node;
            }
        }

        return null;
    }

    private void CollectAnnotations(SchemaNode node, JsonElement instance, string instancePath, EvaluationResult result)
    {
        if (annotationKeywords is null || node.HidesSiblings)
        {
            return;
        }

        foreach (var keyword in annotationKeywords)
        {
            if (node.Element.TryGetProperty(keyword, out var value))
            {
                result.AddAnnotation(new KeywordAnnotation(keyword, instancePath, value, instance));
            }
        }
    }
}
