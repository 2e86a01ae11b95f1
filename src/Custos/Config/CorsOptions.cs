using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve.public.cors</c>: cross-origin resource sharing.</summary>
internal sealed class CorsOptions
{
    /// <summary><c>serve.public.cors.enabled</c>. Default false.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; }

    /// <summary><c>serve.public.cors.allowed_origins</c>; wildcards such as <c>https://*.example.com</c>. Default <c>["*"]</c>.</summary>
    [ConfigurationKeyName("allowed_origins")]
    public List<string> AllowedOrigins { get; set; } = ["*"];

    /// <summary><c>serve.public.cors.allowed_methods</c>. Default POST, GET, PUT, PATCH, DELETE.</summary>
    [ConfigurationKeyName("allowed_methods")]
    public List<string> AllowedMethods { get; set; } = ["POST", "GET", "PUT", "PATCH", "DELETE"];

    /// <summary><c>serve.public.cors.allowed_headers</c>.</summary>
    [ConfigurationKeyName("allowed_headers")]
    public List<string> AllowedHeaders { get; set; } =
        ["Authorization", "Content-Type", "Max-Age", "X-Session-Token", "X-XSRF-TOKEN", "X-CSRF-TOKEN"];

    /// <summary><c>serve.public.cors.exposed_headers</c>. Default <c>["Content-Type"]</c>.</summary>
    [ConfigurationKeyName("exposed_headers")]
    public List<string> ExposedHeaders { get; set; } = ["Content-Type"];

    /// <summary><c>serve.public.cors.allow_credentials</c>. Default true.</summary>
    [ConfigurationKeyName("allow_credentials")]
    public bool AllowCredentials { get; set; } = true;

    /// <summary><c>serve.public.cors.options_passthrough</c>. Default false.</summary>
    [ConfigurationKeyName("options_passthrough")]
    public bool OptionsPassthrough { get; set; }

    /// <summary><c>serve.public.cors.max_age</c>: preflight cache seconds, ≥ 0. Default 0.</summary>
    [ConfigurationKeyName("max_age")]
    [Range(0, int.MaxValue)]
    public int MaxAge { get; set; }

    /// <summary><c>serve.public.cors.debug</c>. Default false.</summary>
    [ConfigurationKeyName("debug")]
    public bool Debug { get; set; }
}
