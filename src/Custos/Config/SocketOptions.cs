using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>serve.*.socket</c>: unix socket ownership, accepted for compatibility.</summary>
internal sealed class SocketOptions
{
    /// <summary><c>serve.*.socket.owner</c>.</summary>
    [ConfigurationKeyName("owner")]
    public string Owner { get; set; } = "";

    /// <summary><c>serve.*.socket.group</c>.</summary>
    [ConfigurationKeyName("group")]
    public string Group { get; set; } = "";

    /// <summary><c>serve.*.socket.mode</c>: file mode, 0..511. Default 493 (0755).</summary>
    [ConfigurationKeyName("mode")]
    [Range(0, 511)]
    public int Mode { get; set; } = 493;
}
