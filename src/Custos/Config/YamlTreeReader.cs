using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Custos.Config;

/// <summary>
/// Parses YAML into a JSON tree, typing plain scalars per the YAML 1.2 core schema (as Go's yaml.v3 does): null,
/// booleans, integers (decimal, <c>0x</c>, <c>0o</c>), floats; quoted and block scalars stay strings. Merge keys
/// (<c>&lt;&lt;</c>) and aliases are resolved; keys
/// written in a map win over merged ones.
/// </summary>
internal static partial class YamlTreeReader
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <summary>Parses the first document of <paramref name="yaml"/>; an empty document is null. Throws <see cref="YamlException"/>.</summary>
    public static JsonNode? Parse(string yaml)
    {
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException e)
        {
            throw new YamlException(parser.LastPosition, parser.LastPosition, "unexpected end of a flow collection or scalar", e);
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMap(map),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => null,
    };

    private static JsonObject ConvertMap(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            if (IsMergeKey(key))
            {
                continue;
            }

            var name = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            obj[name] = Convert(value);
        }

        // Merge keys fill in only what the map does not set itself, as in YAML 1.1 / Go's yaml.v3.
        var merge = map.Children.FirstOrDefault(c => IsMergeKey(c.Key)).Value;
        List<YamlMappingNode> sources = merge switch
        {
            YamlMappingNode single => [single],
            YamlSequenceNode list => list.Children.OfType<YamlMappingNode>().ToList(),
            _ => [],
        };
        foreach (var source in sources)
        {
            foreach (var (key, value) in ConvertMap(source).ToList())
            {
                if (!obj.ContainsKey(key))
                {
                    obj[key] = value?.DeepClone();
                }
            }
        }

        return obj;
    }

    private static bool IsMergeKey(YamlNode key) =>
        key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain };

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is not null && tag != "!")
        {
            return tag.StartsWith(TagPrefix, StringComparison.Ordinal) ? ByTag(tag[TagPrefix.Length..], text) : JsonValue.Create(text);
        }

        if (scalar.Style != ScalarStyle.Plain || tag == "!")
        {
            return JsonValue.Create(text);
        }

        return Resolve(text);
    }

    private static JsonNode? ByTag(string tag, string text) => tag switch
    {
        "null" => null,
        "bool" or "int" or "float" => Resolve(text) ?? JsonValue.Create(text),
        _ => JsonValue.Create(text),
    };

    private static JsonNode? Resolve(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        // Keep the literal text of JSON-compatible numbers so "1.0" is not rewritten as "1".
        if (JsonNumber().IsMatch(text))
        {
            return JsonNode.Parse(text);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return JsonValue.Create(hex);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2 && text[2..].All(c => c is >= '0' and <= '7'))
        {
            return JsonValue.Create(System.Convert.ToInt64(text[2..], 8));
        }

        if (YamlNumber().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlNumber();
}
