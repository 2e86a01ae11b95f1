using System.Text.Json.Nodes;

namespace Custos.SelfService.Ui;

/// <summary>One leaf property of the traits schema: its dotted name and the keywords that shape its input node (and, for arrays, the item type).</summary>
internal sealed record TraitLeaf(
    string Name,
    string? JsonType,
    string? Format,
    string? Title,
    string? Pattern,
    bool Required,
    IReadOnlyList<JsonNode?>? Enum,
    string? ItemsType = null);
