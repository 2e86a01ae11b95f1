using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;

namespace Custos.Sessions;

/// <summary>
/// A position in the admin session list: the last row's <c>created_at</c> and id. As a page token it is opaque
/// (base64url of the id bytes and the time's ticks); anything that does not decode is rejected.
/// </summary>
internal sealed record SessionCursor(DateTime CreatedAt, Guid Id)
{
    private const int Length = 16 + 8;

    public string Encode()
    {
        var bytes = new byte[Length];
        Id.TryWriteBytes(bytes.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(16), CreatedAt.Ticks);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    public static SessionCursor? TryDecode(string token)
    {
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length != Length)
        {
            return null;
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16));
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        return new SessionCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.AsSpan(0, 16), bigEndian: true));
    }
}
