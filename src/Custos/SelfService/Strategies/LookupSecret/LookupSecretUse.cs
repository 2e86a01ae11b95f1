using Custos.Identity;
using Custos.SelfService.Ui;
using Custos.Sessions;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>The answer to a login with a backup code, with the message Kratos shows for it.</summary>
internal sealed record LookupSecretUse(LookupSecretUseStatus Status, DateTime At)
{
    public bool Succeeded => Status == LookupSecretUseStatus.Accepted;

    /// <summary>
    /// Null on success. <see cref="LookupSecretUseStatus.Missing"/> belongs on the <c>lookup_secret</c> node
    /// (<see cref="OnNode"/>); the others go to <c>ui.messages</c>. In every failure the input is cleared.
    /// </summary>
    public UiText? Message => Status switch
    {
        LookupSecretUseStatus.Missing => Messages.ErrorValidationRequired(LookupSecretNodes.LoginCodeName),
        LookupSecretUseStatus.NoCodes => Messages.ErrorValidationNoLookup(),
        LookupSecretUseStatus.AlreadyUsed => Messages.ErrorValidationLookupAlreadyUsed(),
        LookupSecretUseStatus.Invalid => Messages.ErrorValidationLookupInvalid(),
        _ => null,
    };

    /// <summary>The node the message belongs to, or null for <c>ui.messages</c>.</summary>
    public string? OnNode => Status == LookupSecretUseStatus.Missing ? LookupSecretNodes.LoginCodeName : null;

    /// <summary>The AMR entry a successful use appends to the session: <c>{lookup_secret, aal2}</c>.</summary>
    public AuthenticationMethod? Method => Succeeded
        ? new AuthenticationMethod(CredentialTypes.LookupSecret, AuthenticatorAssurance.Aal2, At)
        : null;
}
