using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace Custos.Config;

/// <summary>Reads one config file (YAML, or JSON by <c>.json</c> extension) into a JSON object tree.</summary>
internal static partial class ConfigFileReader
{
    private static readonly JsonDocumentOptions JsonOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads and parses <paramref name="path"/>; errors name the file (and line, for syntax errors).</summary>
    public static JsonObject Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{path}: could not read config file: {e.Message}");
        }

        return Parse(path, text);
    }

    /// <summary>Parses <paramref name="text"/> as the content of <paramref name="path"/>.</summary>
    public static JsonObject Parse(string path, string text)
    {
        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        var root = isJson ? ParseJson(path, text) : ParseYaml(path, text);
        return root switch
        {
            null => [],
            JsonObject obj => obj,
            _ => throw new ConfigurationException($"{path}: the top level must be a map of config keys, got {ScalarConverter.Describe(root)}"),
        };
    }

    private static JsonNode? ParseJson(string path, string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text, documentOptions: JsonOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new ConfigurationException($"{path}: could not parse JSON at line {line}: {e.Message}", e);
        }
    }

    private static JsonNode? ParseYaml(string path, string text)
    {
        try
        {
            return YamlTreeReader.Parse(text);
        }
        catch (YamlException e)
        {
            var inner = e.InnerException is YamlException nested ? nested : e;
            var message = MarkPrefix().Replace(inner.Message, "");
            throw new ConfigurationException($"{path}: could not parse YAML at line {inner.Start.Line}: {message}", e);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException($"{path}: could not parse YAML: {e.Message}", e);
        }
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex MarkPrefix();
}
