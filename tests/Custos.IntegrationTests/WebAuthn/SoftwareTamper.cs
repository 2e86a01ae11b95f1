namespace Custos.IntegrationTests.WebAuthn;

/// <summary>
/// Ways to make one ceremony of the software authenticator wrong. The defaults change nothing. A wrong origin is
/// not here: pass it as the origin argument.
/// </summary>
public sealed record SoftwareTamper
{
    /// <summary>Hash this RP id into the authenticator data instead of the real one.</summary>
    public string? RpId { get; init; }

    /// <summary>Put this challenge into the client data instead of the options' one (e.g. a replayed old one).</summary>
    public byte[]? Challenge { get; init; }

    /// <summary>Flip a bit in the signature (the assertion's, or a packed attestation statement's).</summary>
    public bool FlipSignatureByte { get; init; }

    /// <summary>Use this <c>clientDataJSON.type</c> instead of <c>webauthn.create</c>/<c>webauthn.get</c>.</summary>
    public string? ClientDataType { get; init; }

    /// <summary>Return this user handle in the assertion instead of the credential's.</summary>
    public byte[]? UserHandle { get; init; }
}
