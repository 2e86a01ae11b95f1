using System.Text.Json.Nodes;

namespace Custos.Config;

/// <summary>Merges config trees the way Kratos layers config files: maps merge deeply, everything else is replaced.</summary>
internal static class JsonTreeMerger
{
    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/> in place; the overlay wins.</summary>
    public static void Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (key, value) in overlay.ToList())
        {
            if (value is JsonObject overlayChild && target[key] is JsonObject targetChild)
            {
                Merge(targetChild, overlayChild);
            }
            else
            {
                target[key] = value?.DeepClone();
            }
        }
    }
}
