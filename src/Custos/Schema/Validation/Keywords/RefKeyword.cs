using System.Text.Json;

namespace Custos.Schema.Validation.Keywords;

/// <summary>
/// <c>$ref</c> and <c>$dynamicRef</c>. The target is bound after the whole document set is compiled, because a
/// reference may point forward or into a document loaded later.
/// </summary>
internal sealed class RefKeyword(string keyword, string location, string reference, string targetUri) : KeywordEvaluator(keyword, location)
{
    public string Reference { get; } = reference;

    /// <summary>The absolute target URI, fragment percent-decoded.</summary>
    public string TargetUri { get; } = targetUri;

    public SchemaNode? Target { get; set; }

    private bool IsDynamic => Keyword == "$dynamicRef";

    public override void Evaluate(EvaluationContext context, JsonElement instance, string instancePath, EvaluationResult result)
    {
        var target = Target ?? throw new InvalidOperationException($"Unbound reference '{Reference}'.");
        if (IsDynamic && target.DynamicAnchor is { } anchor && TargetUri.EndsWith("#" + anchor, StringComparison.Ordinal))
        {
            // The initial target is a $dynamicAnchor bookend: the outermost resource in the dynamic scope that declares
            // the same anchor wins.
            target = context.FindDynamicAnchor(anchor) ?? target;
        }

        result.MergeSameLocation(context.Evaluate(target, instance, instancePath));
    }
}
