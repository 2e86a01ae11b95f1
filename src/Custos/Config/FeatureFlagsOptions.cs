using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>feature_flags</c>: behaviour switches, all off by default.</summary>
internal sealed class FeatureFlagsOptions
{
    /// <summary><c>feature_flags.cacheable_sessions</c>: emit <c>Ory-Session-Cache-For</c>.</summary>
    [ConfigurationKeyName("cacheable_sessions")]
    public bool CacheableSessions { get; set; }

    /// <summary><c>feature_flags.cacheable_sessions_max_age</c>: cache duration for cacheable sessions.</summary>
    [ConfigurationKeyName("cacheable_sessions_max_age")]
    public TimeSpan? CacheableSessionsMaxAge { get; set; }

    /// <summary><c>feature_flags.use_continue_with_transitions</c>: recovery answers with <c>continue_with</c> instead of redirects/422.</summary>
    [ConfigurationKeyName("use_continue_with_transitions")]
    public bool UseContinueWithTransitions { get; set; }

    /// <summary><c>feature_flags.choose_recovery_address</c>: recovery v2 (address choice, SMS recovery).</summary>
    [ConfigurationKeyName("choose_recovery_address")]
    public bool ChooseRecoveryAddress { get; set; }

    /// <summary><c>feature_flags.legacy_continue_with_verification_ui</c>: add <c>show_verification_ui</c> for every address.</summary>
    [ConfigurationKeyName("legacy_continue_with_verification_ui")]
    public bool LegacyContinueWithVerificationUi { get; set; }

    /// <summary><c>feature_flags.legacy_require_verified_login_error</c>: old <c>require_verified_address</c> behaviour.</summary>
    [ConfigurationKeyName("legacy_require_verified_login_error")]
    public bool LegacyRequireVerifiedLoginError { get; set; }

    /// <summary><c>feature_flags.faster_session_extend</c>: admin session extend answers 204.</summary>
    [ConfigurationKeyName("faster_session_extend")]
    public bool FasterSessionExtend { get; set; }

    /// <summary><c>feature_flags.password_profile_registration_node_group</c>: <c>default</c> (default) or <c>password</c>.</summary>
    [ConfigurationKeyName("password_profile_registration_node_group")]
    [AllowedValues("default", "password")]
    public string PasswordProfileRegistrationNodeGroup { get; set; } = "default";

    /// <summary><c>feature_flags.legacy_oidc_registration_node_group</c>: OIDC trait nodes in group <c>oidc</c>.</summary>
    [ConfigurationKeyName("legacy_oidc_registration_node_group")]
    public bool LegacyOidcRegistrationNodeGroup { get; set; }

    /// <summary><c>feature_flags.legacy_allow_insecure_origins</c>: allow unbounded wildcards in origins and return URLs.</summary>
    [ConfigurationKeyName("legacy_allow_insecure_origins")]
    public bool LegacyAllowInsecureOrigins { get; set; }

    /// <summary><c>feature_flags.refresh_login_choose_address</c>: per-address "send code" buttons on refresh logins.</summary>
    [ConfigurationKeyName("refresh_login_choose_address")]
    public bool RefreshLoginChooseAddress { get; set; }
}
