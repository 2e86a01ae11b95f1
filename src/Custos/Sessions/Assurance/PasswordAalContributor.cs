using Custos.Config;
using Custos.Identity;
using Microsoft.Extensions.Options;

namespace Custos.Sessions.Assurance;

/// <summary>
/// <c>password</c>: a first factor when the credential has an identifier and a hash, or is marked for the password
/// migration hook while <c>selfservice.methods.password.config.migrate_hook.enabled</c> is on.
/// </summary>
internal sealed class PasswordAalContributor(IOptionsMonitor<CustosOptions> options) : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.Password;

    public FactorCount Count(Credentials? credential)
    {
        if (credential is null || !CredentialConfig.HasIdentifier(credential))
        {
            return FactorCount.None;
        }

        var hashed = !string.IsNullOrEmpty(CredentialConfig.String(credential.Config, "hashed_password"));
        var migrating = options.CurrentValue.Selfservice.Methods.Password.Config.MigrateHook.Enabled
            && CredentialConfig.Bool(credential.Config, "use_password_migration_hook");
        return hashed || migrating ? FactorCount.First(1) : FactorCount.None;
    }
}
