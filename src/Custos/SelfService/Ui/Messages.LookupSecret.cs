namespace Custos.SelfService.Ui;

/// <summary>
/// Backup-code variants of catalogue ids (4000001 reasons, 1050009 for a code that is stored only as a MAC). They are
/// <c>internal</c> so that the catalogue keeps one public factory per id.
/// </summary>
internal static partial class Messages
{
    /// <summary>What an unused code shows once it is stored only as a MAC: eight characters no code can have.</summary>
    public const string LookupSecretHiddenCode = "********";

    /// <summary>4000001 when reveal is submitted by an identity without codes.</summary>
    internal static UiText ErrorValidationLookupRevealWithoutCodes() =>
        ErrorValidationGeneric("Can not reveal lookup codes because you have none.");

    /// <summary>4000001 when confirm is submitted without a full set of regenerated codes in the flow.</summary>
    internal static UiText ErrorValidationLookupConfirmWithoutCodes() =>
        ErrorValidationGeneric("You must (re-)generate recovery backup codes before you can save them.");

    /// <summary>1050009 for an unused code that can no longer be shown.</summary>
    internal static UiText InfoSelfServiceSettingsLookupSecretHidden() => InfoSelfServiceSettingsLookupSecret(LookupSecretHiddenCode);
}
