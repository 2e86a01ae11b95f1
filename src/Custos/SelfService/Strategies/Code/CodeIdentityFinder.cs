using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// Finds whom a login code is for (§1.3 of the strategies contract): by the <c>code</c> credential's identifiers, else
/// (with <c>missing_credential_fallback_enabled</c>) by any credential identifier, sending to the typed address by
/// e-mail. Unknown accounts get 4000035, as in Kratos (this path has no enumeration protection).
/// </summary>
internal sealed class CodeIdentityFinder(IPrivilegedIdentityPool identities, IOptionsMonitor<CustosOptions> options)
{
    private bool FallbackEnabled => options.CurrentValue.Selfservice.Methods.Code.Config.MissingCredentialFallbackEnabled;

    /// <summary>
    /// The recipients of a first-factor login code for <paramref name="identifier"/> (the <c>identifier</c> or
    /// <c>address</c> field). With <paramref name="boundIdentityId"/> (a refresh login: the session's identity) an
    /// identifier of any other identity gets 4000035, so a refresh can never send a code to a foreign address.
    /// </summary>
    public async Task<CodeRecipients> FirstFactorAsync(string? identifier, Guid? boundIdentityId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return CodeRecipients.Failed(Messages.ErrorValidationRequired("identifier"), "identifier");
        }

        // Phones' keyboards capitalise the first letter of e-mail addresses; Kratos lower-cases anything with an @.
        var typed = identifier.Contains('@', StringComparison.Ordinal) ? identifier.ToLowerInvariant() : identifier;
        var normalized = IdentifierNormalizer.Normalize(typed);
        var identity = await identities.FindByCredentialsIdentifierAsync(CredentialTypes.Code, normalized, ct)
            ?? (normalized == typed ? null : await identities.FindByCredentialsIdentifierAsync(CredentialTypes.Code, typed, ct));
        CodeRecipients found;
        if (identity is not null)
        {
            var credential = identity.Credentials.GetValueOrDefault(CredentialTypes.Code);
            var addresses = CodeCredentialConfig.Addresses(credential);
            found = credential is null || credential.Identifiers.All(i => i.Length == 0)
                ? CodeRecipients.Failed(Messages.ErrorValidationNoCodeUser())
                : new CodeRecipients(identity, CodeAddressSelection.Targets(addresses, typed));
        }
        else if (await identities.FindByAnyCredentialsIdentifierAsync(typed, ct) is { } legacy && FallbackEnabled)
        {
            // An account from before the code credential existed: the code goes to what was typed, by e-mail.
            found = new CodeRecipients(legacy, [new CodeAddress(CodeAddress.Email, typed)]);
        }
        else
        {
            found = CodeRecipients.Failed(Messages.ErrorValidationNoCodeUser());
        }

        return boundIdentityId is { } bound && found.Identity is { } other && other.Id != bound
            ? CodeRecipients.Failed(Messages.ErrorValidationNoCodeUser())
            : found;
    }

    /// <summary>
    /// The recipient of a second-factor code: always the session's identity, and only one of its own candidate
    /// addresses (never another account's, although Kratos would look the address up globally). An address of the
    /// fallback (verifiable addresses) that is not the identity's gets 4010010.
    /// </summary>
    public CodeRecipients SecondFactor(Identity.Identity sessionIdentity, string? identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return CodeRecipients.Failed(Messages.ErrorValidationRequired("identifier"), "identifier");
        }

        var normalized = IdentifierNormalizer.Normalize(identifier);
        var own = CodeCredentialConfig.Addresses(sessionIdentity.Credentials.GetValueOrDefault(CredentialTypes.Code));
        if (own.Count > 0)
        {
            return own.FirstOrDefault(a => a.Address == normalized) is { } match
                ? new CodeRecipients(sessionIdentity, [match])
                : CodeRecipients.Failed(Messages.ErrorValidationNoCodeUser());
        }

        if (!FallbackEnabled)
        {
            return CodeRecipients.Failed(Messages.ErrorValidationNoCodeUser());
        }

        return sessionIdentity.VerifiableAddresses.FirstOrDefault(a => a.Value == normalized) is { } address
            ? new CodeRecipients(sessionIdentity, [new CodeAddress(address.Via, address.Value)])
            : CodeRecipients.Failed(Messages.ErrorValidationLoginAddressUnknown());
    }
}
