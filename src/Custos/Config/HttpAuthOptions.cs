using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>...request_config.auth</c>.</summary>
internal sealed class HttpAuthOptions
{
    /// <summary><c>...auth.type</c>: <c>api_key</c> or <c>basic_auth</c>; unset means no authentication.</summary>
    [ConfigurationKeyName("type")]
    [AllowedValues(null, "api_key", "basic_auth")]
    public string? Type { get; set; }

    /// <summary><c>...auth.config</c>: <c>{name, value, in}</c> for api_key, <c>{user, password}</c> for basic_auth.</summary>
    [ConfigurationKeyName("config")]
    public HttpAuthConfigOptions Config { get; set; } = new();
}
