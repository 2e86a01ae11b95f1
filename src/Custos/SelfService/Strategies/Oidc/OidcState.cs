using System.Security.Cryptography;
using Custos.SelfService.Flows;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// The <c>state</c> sent to a provider: the flow's kind and id, then 32 random bytes, base64url. The flow id only says
/// where to look; what makes a callback genuine is that the whole value hashes to the flow's stored
/// <see cref="OidcPending.StateHash"/> (and, in a browser, that the continuity cookie matches), so a state cannot be
/// forged, moved to another flow or used twice.
/// </summary>
internal static class OidcState
{
    private const int RandomBytes = 32;

    /// <summary>A new state for <paramref name="flow"/>.</summary>
    public static string New(Flow flow)
    {
        var bytes = new byte[1 + 16 + RandomBytes];
        bytes[0] = (byte)flow.Kind;
        flow.Id.TryWriteBytes(bytes.AsSpan(1, 16), bigEndian: true, out _);
        RandomNumberGenerator.Fill(bytes.AsSpan(17));
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>The flow a state names, or null when it is not one of ours.</summary>
    public static (FlowKind Kind, Guid FlowId)? Parse(string state)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(state);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != 1 + 16 + RandomBytes || !Enum.IsDefined((FlowKind)bytes[0]))
        {
            return null;
        }

        return ((FlowKind)bytes[0], new Guid(bytes.AsSpan(1, 16), bigEndian: true));
    }

    /// <summary>A PKCE verifier (RFC 7636: 43 characters from 32 random bytes) and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) NewPkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        return (verifier, challenge);
    }
}
