using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// One entry of <c>selfservice.methods.oidc.config.providers</c>. Common fields are typed; the whole entry, including
/// provider-specific fields this class does not model, is kept in <see cref="Raw"/>.
/// </summary>
internal sealed class OidcProviderOptions
{
    /// <summary><c>providers[].id</c>: unique provider id, used in callback URLs. Required.</summary>
    [ConfigurationKeyName("id")]
    [Required]
    public string Id { get; set; } = "";

    /// <summary><c>providers[].provider</c>: the provider kind (<c>generic</c>, <c>google</c>, <c>github</c>, ...). Required.</summary>
    [ConfigurationKeyName("provider")]
    [Required]
    public string Provider { get; set; } = "";

    /// <summary><c>providers[].label</c>: button label.</summary>
    [ConfigurationKeyName("label")]
    public string? Label { get; set; }

    /// <summary><c>providers[].client_id</c>. Required.</summary>
    [ConfigurationKeyName("client_id")]
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary><c>providers[].client_secret</c>.</summary>
    [ConfigurationKeyName("client_secret")]
    public string? ClientSecret { get; set; }

    /// <summary><c>providers[].issuer_url</c>: OIDC discovery issuer.</summary>
    [ConfigurationKeyName("issuer_url")]
    [ConfigUrl(Absolute = true)]
    public string? IssuerUrl { get; set; }

    /// <summary><c>providers[].auth_url</c>: authorization endpoint override.</summary>
    [ConfigurationKeyName("auth_url")]
    [ConfigUrl(Absolute = true)]
    public string? AuthUrl { get; set; }

    /// <summary><c>providers[].token_url</c>: token endpoint override.</summary>
    [ConfigurationKeyName("token_url")]
    [ConfigUrl(Absolute = true)]
    public string? TokenUrl { get; set; }

    /// <summary><c>providers[].mapper_url</c>: Jsonnet claims mapper (<c>file://</c>, <c>base64://</c>, <c>https://</c>). Required.</summary>
    [ConfigurationKeyName("mapper_url")]
    [Required]
    [ConfigUrl(Absolute = true)]
    public string MapperUrl { get; set; } = "";

    /// <summary><c>providers[].scope</c>: requested scopes.</summary>
    [ConfigurationKeyName("scope")]
    public List<string> Scope { get; set; } = [];

    /// <summary><c>providers[].microsoft_tenant</c>.</summary>
    [ConfigurationKeyName("microsoft_tenant")]
    public string? MicrosoftTenant { get; set; }

    /// <summary><c>providers[].subject_source</c>: <c>userinfo</c> (default), <c>me</c> or <c>oid</c>.</summary>
    [ConfigurationKeyName("subject_source")]
    [AllowedValues("userinfo", "me", "oid")]
    public string SubjectSource { get; set; } = "userinfo";

    /// <summary><c>providers[].apple_team_id</c>.</summary>
    [ConfigurationKeyName("apple_team_id")]
    public string? AppleTeamId { get; set; }

    /// <summary><c>providers[].apple_private_key_id</c>.</summary>
    [ConfigurationKeyName("apple_private_key_id")]
    public string? ApplePrivateKeyId { get; set; }

    /// <summary><c>providers[].apple_private_key</c>.</summary>
    [ConfigurationKeyName("apple_private_key")]
    public string? ApplePrivateKey { get; set; }

    /// <summary><c>providers[].requested_claims</c>: OIDC <c>claims</c> request parameter, kept as JSON.</summary>
    [ConfigurationKeyName("requested_claims")]
    public JsonElement? RequestedClaims { get; set; }

    /// <summary><c>providers[].organization_id</c>.</summary>
    [ConfigurationKeyName("organization_id")]
    public string? OrganizationId { get; set; }

    /// <summary><c>providers[].additional_id_token_audiences</c>.</summary>
    [ConfigurationKeyName("additional_id_token_audiences")]
    public List<string> AdditionalIdTokenAudiences { get; set; } = [];

    /// <summary><c>providers[].aal2_acr_values</c>.</summary>
    [ConfigurationKeyName("aal2_acr_values")]
    public List<string> Aal2AcrValues { get; set; } = [];

    /// <summary><c>providers[].aal2_amr_values</c>.</summary>
    [ConfigurationKeyName("aal2_amr_values")]
    public List<string> Aal2AmrValues { get; set; } = [];

    /// <summary><c>providers[].claims_source</c>: <c>id_token</c> (default) or <c>userinfo</c>.</summary>
    [ConfigurationKeyName("claims_source")]
    [AllowedValues("id_token", "userinfo")]
    public string ClaimsSource { get; set; } = "id_token";

    /// <summary><c>providers[].pkce</c>: <c>auto</c> (default), <c>never</c> or <c>force</c>.</summary>
    [ConfigurationKeyName("pkce")]
    [AllowedValues("auto", "never", "force")]
    public string Pkce { get; set; } = "auto";

    /// <summary><c>providers[].fedcm_config_url</c>.</summary>
    [ConfigurationKeyName("fedcm_config_url")]
    [ConfigUrl(Absolute = true)]
    public string? FedcmConfigUrl { get; set; }

    /// <summary><c>providers[].net_id_token_origin_header</c>.</summary>
    [ConfigurationKeyName("net_id_token_origin_header")]
    public string? NetIdTokenOriginHeader { get; set; }

    /// <summary><c>providers[].account_linking_mode</c>: <c>confirm_with_existing_credential</c> (default) or <c>automatic</c>.</summary>
    [ConfigurationKeyName("account_linking_mode")]
    [AllowedValues("confirm_with_existing_credential", "automatic")]
    public string AccountLinkingMode { get; set; } = "confirm_with_existing_credential";

    /// <summary><c>providers[].update_identity_on_login</c>: <c>never</c> (default) or <c>automatic</c>.</summary>
    [ConfigurationKeyName("update_identity_on_login")]
    [AllowedValues("never", "automatic")]
    public string UpdateIdentityOnLogin { get; set; } = "never";

    /// <summary>The whole <c>providers[i]</c> object as written, including fields not modelled above.</summary>
    [ConfigRaw]
    public JsonElement Raw { get; set; }
}
