using Custos.Identity;

namespace Custos.Sessions.Assurance;

/// <summary>
/// Counts the usable factors an identity has in its credential of one type; <see cref="AvailableAalCalculator"/>
/// sums them into the identity's available AAL (Kratos's per-strategy <c>CountActiveFirstFactorCredentials</c> and
/// <c>CountActiveMultiFactorCredentials</c>). A built-in exists for <c>password</c>, <c>totp</c>, <c>lookup_secret</c>,
/// <c>webauthn</c>, <c>passkey</c>, <c>oidc</c> and <c>code</c>; a method that stores its credential differently
/// (for example an encrypted TOTP secret) registers its own with
/// <see cref="AssuranceServiceCollectionExtensions.AddCredentialAalContributor{T}"/>, which replaces the built-in for
/// that type (among several registrations for one type the last one wins).
/// </summary>
internal interface ICredentialAalContributor
{
    /// <summary>The credential type (<c>identity_credentials.type</c>) this contributor inspects, e.g. <c>totp</c>.</summary>
    string CredentialType { get; }

    /// <summary>
    /// The factors in <paramref name="credential"/>, the identity's credential of <see cref="CredentialType"/>, or null
    /// when it has none (the <c>code</c> method still counts a first factor then). A row never counts by its mere
    /// presence: only a config the method could log in with does, and a malformed config counts nothing rather than
    /// throwing (imported rows with an empty or broken config must not change what the identity can do).
    /// </summary>
    FactorCount Count(Credentials? credential);
}
