using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>selfservice.methods.totp.config</c>.</summary>
internal sealed class TotpConfigOptions
{
    /// <summary><c>selfservice.methods.totp.config.issuer</c>: shown in authenticator apps; defaults to the public base URL's host.</summary>
    [ConfigurationKeyName("issuer")]
    public string Issuer { get; set; } = "";
}
