using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>The state of one <see cref="JsonSchema.Validate"/> call: options, evaluation depth and the dynamic scope.</summary>
internal sealed class EvaluationContext(SchemaLoadOptions options, IReadOnlyCollection<string>? annotationKeywords)
{
    private readonly List<SchemaResource> _dynamicScope = [];
    private readonly HashSet<(SchemaNode Node, string InstancePath)> _active = [];
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

        // A $ref cycle that never descends into the instance would recurse forever (and a branching one would take
        // exponential time before any depth limit); re-entering a schema at the same location is reported instead.
        if (!_active.Add((node, instancePath)))
        {
            result.AddError(new SchemaError(instancePath, node.Location, "$ref",
                $"schema '{node.Location}' was re-entered at the same instance location; the schema contains a $ref cycle",
                new Dictionary<string, object?> { ["schema"] = node.Location }));
            return result;
        }

        if (_depth >= Options.MaxEvaluationDepth)
        {
            _active.Remove((node, instancePath));
            result.AddError(new SchemaError(instancePath, node.Location, "$ref",
                $"schema evaluation exceeded the maximum depth of {Options.MaxEvaluationDepth}",
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
            _active.Remove((node, instancePath));
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
                result.AddAnnotation(new KeywordAnnotation(keyword, instancePath, value, instance) { Schema = node.Element });
            }
        }
    }
}
