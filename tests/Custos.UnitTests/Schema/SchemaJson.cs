using System.Text.Json;

namespace Custos.UnitTests.Schema;

internal static class SchemaJson
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
