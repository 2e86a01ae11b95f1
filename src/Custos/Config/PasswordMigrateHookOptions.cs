using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.password.config.migrate_hook</c>.</summary>
internal sealed class PasswordMigrateHookOptions
{
    /// <summary><c>selfservice.methods.password.config.migrate_hook.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary>
    /// <c>selfservice.methods.password.config.migrate_hook.config</c>: web-hook style request config
    /// (<c>url</c>, <c>method</c>, <c>headers</c>, <c>auth</c>, <c>body</c>), preserved as JSON.
    /// </summary>
    [ConfigurationKeyName("config")]
    public JsonElement? Config { get; set; }
}
