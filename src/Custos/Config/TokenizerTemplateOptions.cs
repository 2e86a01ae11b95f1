using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>session.whoami.tokenizer.templates.&lt;name&gt;</c>.</summary>
internal sealed class TokenizerTemplateOptions
{
    /// <summary><c>...templates.&lt;name&gt;.ttl</c>: token lifetime. Default 1m.</summary>
    [ConfigurationKeyName("ttl")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary><c>...templates.&lt;name&gt;.jwks_url</c>: signing keys. Required.</summary>
    [ConfigurationKeyName("jwks_url")]
    [Required]
    [ConfigUrl(Absolute = true)]
    public string JwksUrl { get; set; } = "";

    /// <summary><c>...templates.&lt;name&gt;.claims_mapper_url</c>: Jsonnet claims mapper.</summary>
    [ConfigurationKeyName("claims_mapper_url")]
    [ConfigUrl(Absolute = true)]
    public string? ClaimsMapperUrl { get; set; }

    /// <summary><c>...templates.&lt;name&gt;.subject_source</c>: <c>id</c> (default) or <c>external_id</c>.</summary>
    [ConfigurationKeyName("subject_source")]
    [AllowedValues("id", "external_id")]
    public string SubjectSource { get; set; } = "id";
}
