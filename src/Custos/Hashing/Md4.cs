using System.Buffers.Binary;
using System.Numerics;

namespace Custos.Hashing;

/// <summary>
/// MD4 (RFC 1320), needed only to verify imported <c>$hmac-md4$</c> hashes: .NET has no MD4 and OpenSSL 3 keeps it in the
/// legacy provider, which is not loaded by default.
/// </summary>
internal static class Md4
{
    public const int BlockSize = 64;

    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var paddedLength = ((data.Length + 8) / BlockSize + 1) * BlockSize;
        var message = new byte[paddedLength];
        data.CopyTo(message);
        message[data.Length] = 0x80;
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(paddedLength - 8), (ulong)data.Length * 8);

        uint a = 0x67452301, b = 0xefcdab89, c = 0x98badcfe, d = 0x10325476;
        Span<uint> x = stackalloc uint[16];
        for (var offset = 0; offset < paddedLength; offset += BlockSize)
        {
            for (var i = 0; i < 16; i++)
            {
                x[i] = BinaryPrimitives.ReadUInt32LittleEndian(message.AsSpan(offset + (i * 4)));
            }

            var (aa, bb, cc, dd) = (a, b, c, d);
            for (var i = 0; i < 16; i++)
            {
                var k = i;
                var s = (i % 4) switch { 0 => 3, 1 => 7, 2 => 11, _ => 19 };
                (a, b, c, d) = (d, BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x[k], s), b, c);
            }

            for (var i = 0; i < 16; i++)
            {
                var k = ((i % 4) * 4) + (i / 4);
                var s = (i % 4) switch { 0 => 3, 1 => 5, 2 => 9, _ => 13 };
                (a, b, c, d) = (d, BitOperations.RotateLeft(a + ((b & c) | (b & d) | (c & d)) + x[k] + 0x5a827999, s), b, c);
            }

            ReadOnlySpan<int> order = [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15];
            for (var i = 0; i < 16; i++)
            {
                var s = (i % 4) switch { 0 => 3, 1 => 9, 2 => 11, _ => 15 };
                (a, b, c, d) = (d, BitOperations.RotateLeft(a + (b ^ c ^ d) + x[order[i]] + 0x6ed9eba1, s), b, c);
            }

            (a, b, c, d) = (a + aa, b + bb, c + cc, d + dd);
        }

        var digest = new byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(digest, a);
        BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(4), b);
        BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(8), c);
        BinaryPrimitives.WriteUInt32LittleEndian(digest.AsSpan(12), d);
        return digest;
    }

    /// <summary>HMAC-MD4 (RFC 2104).</summary>
    public static byte[] Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var block = new byte[BlockSize];
        (key.Length > BlockSize ? HashData(key) : key).CopyTo(block);
        var inner = new byte[BlockSize + data.Length];
        var outer = new byte[BlockSize + 16];
        for (var i = 0; i < BlockSize; i++)
        {
            inner[i] = (byte)(block[i] ^ 0x36);
            outer[i] = (byte)(block[i] ^ 0x5c);
        }

        data.CopyTo(inner.AsSpan(BlockSize));
        HashData(inner).CopyTo(outer.AsSpan(BlockSize));
        return HashData(outer);
    }
}
