namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>The W3C WebAuthn §6.1.1 counter rule as go-webauthn applies it for Kratos.</summary>
internal static class SignCounter
{
    /// <summary>
    /// Applies a login's counter to a stored key: a counter that does not rise while either value is non-zero sets the
    /// clone warning (and keeps the stored count); synced passkeys that always report 0 are never flagged.
    /// The warning, once set, stays. Returns whether anything changed.
    /// </summary>
    public static bool Apply(StoredWebAuthnCredential stored, uint reported, bool backupState)
    {
        var authenticator = stored.Authenticator ??= new StoredAuthenticator();
        var changed = false;
        if (reported <= authenticator.SignCount && (reported != 0 || authenticator.SignCount != 0))
        {
            changed = !authenticator.CloneWarning;
            authenticator.CloneWarning = true;
        }
        else if (reported > authenticator.SignCount)
        {
            authenticator.SignCount = reported;
            changed = true;
        }

        if (stored.Flags is { } flags && flags.BackupState != backupState)
        {
            flags.BackupState = backupState;
            changed = true;
        }

        return changed;
    }
}
