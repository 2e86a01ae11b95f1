namespace Custos.IntegrationTests.WebAuthn;

/// <summary>The attestation statement format the software authenticator emits on registration.</summary>
public enum SoftwareAttestation
{
    /// <summary><c>fmt: "none"</c> with an empty statement (what browsers send when the RP asks for none).</summary>
    None,

    /// <summary><c>fmt: "packed"</c> self attestation: signed with the credential key itself, no certificate.</summary>
    PackedSelf,
}
