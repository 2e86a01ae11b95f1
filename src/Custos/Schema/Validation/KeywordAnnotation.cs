using System.Text.Json;

namespace Custos.Schema.Validation;

/// <summary>A custom keyword (e.g. <c>ory.sh/kratos</c>) found on a subschema that was applied to <paramref name="InstanceLocation"/>.</summary>
internal sealed record KeywordAnnotation(string Keyword, string InstanceLocation, JsonElement KeywordValue, JsonElement Instance)
{
    /// <summary>The subschema carrying the keyword (its siblings such as <c>format</c> decide how a value is read).</summary>
    public JsonElement Schema { get; init; }
}
