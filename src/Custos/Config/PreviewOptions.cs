using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>preview</c>.</summary>
internal sealed class PreviewOptions
{
    /// <summary><c>preview.default_read_consistency_level</c>: <c>strong</c> (default) or <c>eventual</c>.</summary>
    [ConfigurationKeyName("default_read_consistency_level")]
    [AllowedValues("strong", "eventual")]
    public string DefaultReadConsistencyLevel { get; set; } = "strong";
}
