using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>One entry of <c>courier.channels</c>.</summary>
internal sealed class CourierChannelOptions
{
    /// <summary><c>courier.channels[].id</c>: the channel id (<c>sms</c>). Required.</summary>
    [ConfigurationKeyName("id")]
    [Required]
    public string Id { get; set; } = "";

    /// <summary><c>courier.channels[].type</c>: <c>http</c> (default).</summary>
    [ConfigurationKeyName("type")]
    [AllowedValues("http")]
    public string Type { get; set; } = "http";

    /// <summary><c>courier.channels[].request_config</c>: the HTTP request made per message.</summary>
    [ConfigurationKeyName("request_config")]
    public HttpRequestConfigOptions RequestConfig { get; set; } = new();
}
