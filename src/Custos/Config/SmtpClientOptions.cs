using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>clients.smtp</c>.</summary>
internal sealed class SmtpClientOptions
{
    /// <summary><c>clients.smtp.disallow_private_ip_ranges</c>. Default false.</summary>
    [ConfigurationKeyName("disallow_private_ip_ranges")]
    public bool DisallowPrivateIpRanges { get; set; }
}
