using System.Security.Cryptography;

namespace Custos.SelfService.Strategies.WebAuthn;

/// <summary>
/// Kratos's <c>webauthn.js</c>, embedded byte for byte (see <c>README.md</c> beside it), and its subresource
/// integrity value, computed once from the embedded bytes so the node always matches what is served.
/// </summary>
internal static class WebAuthnScript
{
    /// <summary>The route on the public listener, as Kratos's <c>webauthnx.ScriptURL</c>.</summary>
    public const string Path = "/.well-known/ory/webauthn.js";

    public const string ContentType = "text/javascript; charset=UTF-8";

    public static ReadOnlyMemory<byte> Content { get; } = Load();

    /// <summary><c>sha512-</c> plus the standard, padded base64 of the script's SHA-512.</summary>
    public static string Integrity { get; } = "sha512-" + Convert.ToBase64String(SHA512.HashData(Content.Span));

    private static byte[] Load()
    {
        using var stream = typeof(WebAuthnScript).Assembly.GetManifestResourceStream("webauthn.js")
            ?? throw new InvalidOperationException("The embedded resource webauthn.js is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
