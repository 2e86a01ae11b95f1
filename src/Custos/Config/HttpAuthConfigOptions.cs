using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>...auth.config</c>: the union of the api_key and basic_auth settings.</summary>
internal sealed class HttpAuthConfigOptions
{
    /// <summary><c>...auth.config.name</c>: api_key header or cookie name.</summary>
    [ConfigurationKeyName("name")]
    public string? Name { get; set; }

    /// <summary><c>...auth.config.value</c>: api_key value.</summary>
    [ConfigurationKeyName("value")]
    public string? Value { get; set; }

    /// <summary><c>...auth.config.in</c>: <c>header</c> or <c>cookie</c>.</summary>
    [ConfigurationKeyName("in")]
    [AllowedValues(null, "header", "cookie")]
    public string? In { get; set; }

    /// <summary><c>...auth.config.user</c>: basic_auth user.</summary>
    [ConfigurationKeyName("user")]
    public string? User { get; set; }

    /// <summary><c>...auth.config.password</c>: basic_auth password.</summary>
    [ConfigurationKeyName("password")]
    public string? Password { get; set; }
}
