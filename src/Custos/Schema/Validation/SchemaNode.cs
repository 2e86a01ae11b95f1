using System.Text.Json;
using Custos.Schema.Validation.Keywords;

namespace Custos.Schema.Validation;

/// <summary>One compiled (sub)schema: its JSON, where it lives, and the keyword evaluators built from it.</summary>
internal sealed class SchemaNode(JsonElement element, string location, SchemaResource resource, SchemaDialect dialect)
{
    public JsonElement Element { get; } = element;

    /// <summary><c>#</c> plus the JSON pointer of this schema inside its document.</summary>
    public string Location { get; } = location;

    public SchemaResource Resource { get; } = resource;

    public SchemaDialect Dialect { get; } = dialect;

    public IReadOnlyList<KeywordEvaluator> Keywords { get; set; } = [];

    /// <summary>A draft-07 <c>$ref</c> hides every sibling keyword, custom annotations included.</summary>
    public bool HidesSiblings { get; set; }

    /// <summary>The <c>$dynamicAnchor</c> declared by this schema, if any.</summary>
    public string? DynamicAnchor { get; set; }

    public bool IsFalse => Element.ValueKind == JsonValueKind.False;

    public bool IsTrue => Element.ValueKind == JsonValueKind.True;
}
