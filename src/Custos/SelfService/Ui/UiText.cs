using System.Text.Json.Serialization;

namespace Custos.SelfService.Ui;

/// <summary>A Kratos UI message (<c>uiText</c>): a stable numeric id, its American-English text, a type and a context.</summary>
internal sealed record UiText(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("context"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, object?>? Context = null)
{
    public const string Error = "error";
    public const string Info = "info";
    public const string Success = "success";
}
