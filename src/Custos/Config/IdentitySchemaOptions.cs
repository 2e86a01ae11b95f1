using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>One entry of <c>identity.schemas</c>.</summary>
internal sealed class IdentitySchemaOptions
{
    /// <summary><c>identity.schemas[].id</c>. Required.</summary>
    [ConfigurationKeyName("id")]
    [Required]
    public string Id { get; set; } = "";

    /// <summary><c>identity.schemas[].url</c>: <c>file://</c>, <c>https://</c>, <c>base64://</c> or <c>builtin://default</c>. Required.</summary>
    [ConfigurationKeyName("url")]
    [Required]
    [ConfigUrl(Absolute = true)]
    public string Url { get; set; } = "";

    /// <summary><c>identity.schemas[].selfservice_selectable</c>: may registration pick this schema. Default false.</summary>
    [ConfigurationKeyName("selfservice_selectable")]
    public bool SelfserviceSelectable { get; set; }
}
