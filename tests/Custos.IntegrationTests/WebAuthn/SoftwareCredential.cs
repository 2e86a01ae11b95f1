namespace Custos.IntegrationTests.WebAuthn;

/// <summary>One credential the software authenticator holds. Counter and flags are settable on purpose.</summary>
public sealed class SoftwareCredential(byte[] id, ISoftwareKey key, string rpId, byte[] userHandle) : IDisposable
{
    public byte[] Id { get; } = id;

    public ISoftwareKey Key { get; } = key;

    public string RpId { get; } = rpId;

    public byte[] UserHandle { get; } = userHandle;

    /// <summary>The counter value last reported; the next assertion reports it plus <see cref="CounterStep"/>.</summary>
    public uint SignCount { get; set; }

    /// <summary>0 models a synced passkey whose counter stays 0 forever.</summary>
    public uint CounterStep { get; set; } = 1;

    /// <summary>A resident credential returns its user handle in assertions; a server-side one does not.</summary>
    public bool Discoverable { get; set; } = true;

    /// <summary>The BE flag: the credential may be synced to other devices.</summary>
    public bool BackupEligible { get; set; }

    /// <summary>The BS flag: the credential is currently backed up.</summary>
    public bool BackedUp { get; set; }

    public void Dispose() => Key.Dispose();
}
