using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>database.cleanup</c>.</summary>
internal sealed class DatabaseCleanupOptions
{
    /// <summary><c>database.cleanup.batch_size</c>: rows deleted per batch, ≥ 1. Default 100.</summary>
    [ConfigurationKeyName("batch_size")]
    [Range(1, int.MaxValue)]
    public int BatchSize { get; set; } = 100;

    /// <summary><c>database.cleanup.sleep</c>.</summary>
    [ConfigurationKeyName("sleep")]
    public CleanupSleepOptions Sleep { get; set; } = new();

    /// <summary><c>database.cleanup.older_than</c>: only delete rows expired longer than this. Default 0s.</summary>
    [ConfigurationKeyName("older_than")]
    public TimeSpan OlderThan { get; set; } = TimeSpan.Zero;
}
