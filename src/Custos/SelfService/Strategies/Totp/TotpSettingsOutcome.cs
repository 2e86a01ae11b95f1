namespace Custos.SelfService.Strategies.Totp;

/// <summary>What a submit of the totp method did to a settings flow.</summary>
internal enum TotpSettingsOutcome
{
    /// <summary>The offered key became the identity's <c>totp</c> credential: store the identity, add AMR <c>{totp, aal2}</c> to the session.</summary>
    Linked,

    /// <summary><c>totp_unlink=true</c> removed the credential: store the identity.</summary>
    Unlinked,

    /// <summary>A linked app and no <c>totp_unlink</c>: nothing to change, yet Kratos ends in success (1050001).</summary>
    Unchanged,

    /// <summary>No <c>totp_code</c>: 4000002 on the <c>totp_code</c> node.</summary>
    CodeMissing,

    /// <summary>The code does not match the offered key: 4000008 on the <c>totp_code</c> node.</summary>
    CodeInvalid,

    /// <summary>The flow offered no key (it was rendered while the app was linked or the method was off): 4000001 on the form.</summary>
    NoPendingKey,
}
