using Microsoft.Extensions.Configuration;

namespace Custos.Config;

/// <summary><c>security.account_enumeration</c>.</summary>
internal sealed class AccountEnumerationOptions
{
    /// <summary><c>security.account_enumeration.mitigate</c>: hide whether an account exists. Default false.</summary>
    [ConfigurationKeyName("mitigate")]
    public bool Mitigate { get; set; }
}
