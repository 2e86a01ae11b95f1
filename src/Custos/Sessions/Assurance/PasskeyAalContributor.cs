using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary><c>passkey</c>: each stored key is a first factor, provided the credential has an identifier (the user handle a login finds it by).</summary>
internal sealed class PasskeyAalContributor : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.Passkey;

    public FactorCount Count(Credentials? credential) =>
        credential is not null && CredentialConfig.HasIdentifier(credential) && CredentialConfig.Array(credential.Config, "credentials") is { } keys
            ? FactorCount.First(keys.OfType<JsonObject>().Count())
            : FactorCount.None;
}
