using System.Reflection;

namespace Custos.Config;

/// <summary>One YAML key of an options class: its snake_case key, the bound property and its environment-name tokens.</summary>
internal sealed record ConfigProperty(string Key, PropertyInfo Property, IReadOnlyList<string> EnvTokens)
{
    /// <summary>The property's CLR type.</summary>
    public Type Type => Property.PropertyType;
}
