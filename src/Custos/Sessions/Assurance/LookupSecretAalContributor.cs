using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary><c>lookup_secret</c>: a second factor when <c>config.recovery_codes</c> holds at least one code, used or not (as Kratos counts).</summary>
internal sealed class LookupSecretAalContributor : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.LookupSecret;

    public FactorCount Count(Credentials? credential) =>
        CredentialConfig.Array(credential?.Config, "recovery_codes") is { Count: > 0 } ? FactorCount.Multi(1) : FactorCount.None;
}
