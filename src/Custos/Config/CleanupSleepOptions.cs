using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>database.cleanup.sleep</c>.</summary>
internal sealed class CleanupSleepOptions
{
    /// <summary><c>database.cleanup.sleep.tables</c>: pause between tables. Default 1m.</summary>
    [ConfigurationKeyName("tables")]
    public TimeSpan Tables { get; set; } = TimeSpan.FromMinutes(1);
}
