using Custos.SelfService.Strategies.WebAuthn;

namespace Custos.UnitTests.SelfService.Strategies.WebAuthn;

/// <summary>W3C WebAuthn §6.1.1 as go-webauthn applies it for Kratos (strategies contract §4.7).</summary>
public sealed class SignCounterTests
{
    private static StoredWebAuthnCredential Key(uint count, bool warned = false, bool backedUp = false) => new()
    {
        Authenticator = new StoredAuthenticator { SignCount = count, CloneWarning = warned },
        Flags = new StoredCredentialFlags { BackupEligible = true, BackupState = backedUp },
    };

    [Theory]
    [InlineData(5u, 6u, true, 6u, false)] // rises: stored
    [InlineData(5u, 5u, true, 5u, true)] // repeats: flagged, kept
    [InlineData(5u, 2u, true, 5u, true)] // falls: flagged, never lowered
    [InlineData(0u, 0u, false, 0u, false)] // a synced passkey that always says 0: nothing to do
    [InlineData(0u, 3u, true, 3u, false)] // starts counting
    [InlineData(7u, 0u, true, 7u, true)] // a counting key that suddenly says 0: flagged
    public void TheCounterOnlyRises_AndAStaleOneFlagsTheKey(uint stored, uint reported, bool changed, uint after, bool warned)
    {
        var key = Key(stored);

        Assert.Equal(changed, SignCounter.Apply(key, reported, backupState: false));
        Assert.Equal((after, warned), (key.Authenticator!.SignCount, key.Authenticator.CloneWarning));
    }

    [Fact]
    public void TheWarningStays_OnceSet()
    {
        var key = Key(5, warned: true);

        SignCounter.Apply(key, 9, backupState: false);

        Assert.Equal((9u, true), (key.Authenticator!.SignCount, key.Authenticator.CloneWarning));
    }

    [Fact]
    public void TheBackupStateFollowsTheAuthenticator_ButLegacyKeysWithoutFlagsGetNone()
    {
        var key = Key(0);
        var legacy = new StoredWebAuthnCredential();

        Assert.True(SignCounter.Apply(key, 0, backupState: true));
        Assert.True(key.Flags!.BackupState);
        Assert.False(SignCounter.Apply(legacy, 0, backupState: true));
        Assert.Null(legacy.Flags);
    }
}
