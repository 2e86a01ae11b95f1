using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>database</c>.</summary>
internal sealed class DatabaseOptions
{
    /// <summary><c>database.cleanup</c>: expired-row cleanup.</summary>
    [ConfigurationKeyName("cleanup")]
    public DatabaseCleanupOptions Cleanup { get; set; } = new();
}
