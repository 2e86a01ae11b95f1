using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve.*.request_log</c>.</summary>
internal sealed class RequestLogOptions
{
    /// <summary><c>serve.*.request_log.disable_for_health</c>: skip logging health checks. Default false.</summary>
    [ConfigurationKeyName("disable_for_health")]
    public bool DisableForHealth { get; set; }
}
