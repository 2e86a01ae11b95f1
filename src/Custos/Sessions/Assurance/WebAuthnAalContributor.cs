using System.Text.Json.Nodes;
using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary>
/// <c>webauthn</c>: each key with <c>is_passwordless: false</c> is a second factor; each passwordless key is a first
/// factor, but only when the credential has an identifier, because a passwordless login finds the identity by it.
/// </summary>
internal sealed class WebAuthnAalContributor : ICredentialAalContributor
{
    public string CredentialType => CredentialTypes.WebAuthn;

    public FactorCount Count(Credentials? credential)
    {
        if (credential is null || CredentialConfig.Array(credential.Config, "credentials") is not { } keys)
        {
            return FactorCount.None;
        }

        var identified = CredentialConfig.HasIdentifier(credential);
        var count = FactorCount.None;
        foreach (var key in keys.OfType<JsonObject>())
        {
            if (!CredentialConfig.Bool(key, "is_passwordless"))
            {
                count += FactorCount.Multi(1);
            }
            else if (identified)
            {
                count += FactorCount.First(1);
            }
        }

        return count;
    }
}
