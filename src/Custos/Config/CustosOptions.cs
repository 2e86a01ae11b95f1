using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary>
/// The whole kratos.yml tree. Property names are the PascalCase of the snake_case YAML keys; every bound
/// property carries <see cref="ConfigurationKeyNameAttribute"/> with its YAML key. After
/// <see cref="CustosConfiguration.Load"/> every default is filled in and the tree has been validated.
/// </summary>
internal sealed class CustosOptions
{
    /// <summary><c>dsn</c>: database connection string (<c>postgres://</c>, <c>sqlite://</c>, <c>memory</c>). Required outside dev mode.</summary>
    [ConfigurationKeyName("dsn")]
    public string Dsn { get; set; } = "";

    /// <summary><c>version</c>: informational config version (e.g. <c>v0.13.0</c>).</summary>
    [ConfigurationKeyName("version")]
    public string? Version { get; set; }

    /// <summary><c>revision</c>: informational revision, returned by <c>/admin/health/config</c>.</summary>
    [ConfigurationKeyName("revision")]
    public string? Revision { get; set; }

    /// <summary>Not a YAML key: set from the <c>--dev</c> command-line flag (insecure development mode).</summary>
    public bool Dev { get; set; }

    /// <summary><c>serve</c>: the public and admin listeners.</summary>
    [ConfigurationKeyName("serve")]
    public ServeOptions Serve { get; set; } = new();

    /// <summary><c>selfservice</c>: flows, methods and return URLs.</summary>
    [ConfigurationKeyName("selfservice")]
    public SelfserviceOptions Selfservice { get; set; } = new();

    /// <summary><c>identity</c>: identity schemas.</summary>
    [ConfigurationKeyName("identity")]
    public IdentityOptions Identity { get; set; } = new();

    /// <summary><c>session</c>: session lifespan, cookie and whoami settings.</summary>
    [ConfigurationKeyName("session")]
    public SessionOptions Session { get; set; } = new();

    /// <summary><c>cookies</c>: defaults for every cookie Custos sets.</summary>
    [ConfigurationKeyName("cookies")]
    public CookiesOptions Cookies { get; set; } = new();

    /// <summary><c>secrets</c>: signing and encryption secrets.</summary>
    [ConfigurationKeyName("secrets")]
    public SecretsOptions Secrets { get; set; } = new();

    /// <summary><c>hashers</c>: password hashing algorithm and parameters.</summary>
    [ConfigurationKeyName("hashers")]
    public HashersOptions Hashers { get; set; } = new();

    /// <summary><c>ciphers</c>: at-rest encryption of OIDC tokens.</summary>
    [ConfigurationKeyName("ciphers")]
    public CiphersOptions Ciphers { get; set; } = new();

    /// <summary><c>courier</c>: e-mail and SMS delivery.</summary>
    [ConfigurationKeyName("courier")]
    public CourierOptions Courier { get; set; } = new();

    /// <summary><c>log</c>: log level and format.</summary>
    [ConfigurationKeyName("log")]
    public LogOptions Log { get; set; } = new();

    /// <summary><c>feature_flags</c>: behaviour switches.</summary>
    [ConfigurationKeyName("feature_flags")]
    public FeatureFlagsOptions FeatureFlags { get; set; } = new();

    /// <summary><c>security</c>: account enumeration mitigation and schema restrictions.</summary>
    [ConfigurationKeyName("security")]
    public SecurityOptions Security { get; set; } = new();

    /// <summary><c>clients</c>: outgoing HTTP/SMTP client restrictions.</summary>
    [ConfigurationKeyName("clients")]
    public ClientsOptions Clients { get; set; } = new();

    /// <summary><c>database</c>: database maintenance settings.</summary>
    [ConfigurationKeyName("database")]
    public DatabaseOptions Database { get; set; } = new();

    /// <summary><c>oauth2_provider</c>: Ory Hydra integration (<c>login_challenge</c>).</summary>
    [ConfigurationKeyName("oauth2_provider")]
    public OAuth2ProviderOptions Oauth2Provider { get; set; } = new();

    /// <summary><c>preview</c>: preview features.</summary>
    [ConfigurationKeyName("preview")]
    public PreviewOptions Preview { get; set; } = new();

    /// <summary><c>enterprise</c>: enterprise-only settings, accepted for compatibility.</summary>
    [ConfigurationKeyName("enterprise")]
    public EnterpriseOptions Enterprise { get; set; } = new();

    /// <summary><c>ui</c>: the built-in self-service UI (Custos extension).</summary>
    [ConfigurationKeyName("ui")]
    public UiOptions Ui { get; set; } = new();

    /// <summary><c>audit</c>: the audit log's retention (Custos extension).</summary>
    [ConfigurationKeyName("audit")]
    public AuditOptions Audit { get; set; } = new();

    /// <summary><c>organizations</c>: deprecated Ory Network list, kept as raw JSON.</summary>
    [ConfigurationKeyName("organizations")]
    public JsonElement? Organizations { get; set; }

    /// <summary><c>tracing</c>: tracing provider settings, kept as raw JSON.</summary>
    [ConfigurationKeyName("tracing")]
    public JsonElement? Tracing { get; set; }
}
