using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve</c>: the two listeners, public (4433) and admin (4434).</summary>
internal sealed class ServeOptions
{
    /// <summary><c>serve.public</c>: the public API listener. Default port 4433.</summary>
    [ConfigurationKeyName("public")]
    public ServeEndpointOptions Public { get; set; } = new() { Port = 4433 };

    /// <summary><c>serve.admin</c>: the admin API listener. Default port 4434.</summary>
    [ConfigurationKeyName("admin")]
    public ServeEndpointOptions Admin { get; set; } = new() { Port = 4434 };
}
