namespace Custos.Config;

/// <summary>
/// Marks a <see cref="System.Text.Json.JsonElement"/> property that receives the whole YAML object of its declaring
/// options class, so fields the class does not model (provider-specific settings) stay available. Keys of such an
/// object are never reported as unknown.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class ConfigRawAttribute : Attribute;
