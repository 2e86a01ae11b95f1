namespace Custos.IntegrationTests.WebAuthn;

/// <summary>The COSE algorithm identifiers the software authenticator can create keys for.</summary>
public static class CoseAlgorithms
{
    public const int Es256 = -7;
    public const int EdDsa = -8;
    public const int Rs256 = -257;

    /// <summary>Creates a fresh key pair for <paramref name="algorithm"/>.</summary>
    public static ISoftwareKey CreateKey(int algorithm) => algorithm switch
    {
        Es256 => new Es256Key(),
        EdDsa => new EdDsaKey(),
        Rs256 => new Rs256Key(),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unsupported COSE algorithm"),
    };
}
