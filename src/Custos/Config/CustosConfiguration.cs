using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>Loads kratos.yml-compatible configuration: files, then environment overrides, then defaults and validation.</summary>
internal static class CustosConfiguration
{
    /// <summary>
    /// Loads <paramref name="files"/> (YAML, or JSON by extension) merged in order (later wins; maps merge deeply,
    /// lists are replaced), applies Kratos-named variables from <paramref name="environment"/> on top, binds and
    /// validates. Throws <see cref="ConfigurationException"/> listing every problem with its YAML path.
    /// </summary>
    public static ConfigurationLoadResult Load(IReadOnlyList<string> files, IReadOnlyDictionary<string, string?> environment, bool dev)
    {
        var document = new JsonObject();
        foreach (var file in files)
        {
            JsonTreeMerger.Merge(document, ConfigFileReader.Read(file));
        }

        var warnings = new List<string>();
        EnvironmentOverrides.Apply(document, environment, warnings);
        CustosOptionsDefaults.ApplyToDocument(document, dev, withoutFiles: files.Count == 0);

        var errors = new List<string>();
        var options = new OptionsBinder(errors, warnings).Bind(document);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        CustosOptionsDefaults.ApplyToOptions(options, document, dev, warnings);
        errors = CustosOptionsValidator.Collect(options);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(ConfigurationFlattener.Flatten(document))
            .Build();
        return new ConfigurationLoadResult(configuration, options, document) { Warnings = warnings };
    }

    /// <summary>A snapshot of the process environment for <see cref="Load"/>.</summary>
    public static IReadOnlyDictionary<string, string?> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
}
