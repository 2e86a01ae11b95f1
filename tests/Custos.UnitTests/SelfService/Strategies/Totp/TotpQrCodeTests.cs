using System.Buffers.Binary;
using System.IO.Compression;
using Custos.SelfService.Strategies.Totp;

namespace Custos.UnitTests.SelfService.Strategies.Totp;

public sealed class TotpQrCodeTests
{
    private const string Url = "otpauth://totp/issuer.ory.sh:6e11a9a7-62fd-4c88-871a-097f18f0306f?algorithm=SHA1&digits=6&issuer=issuer.ory.sh&period=30&secret=2F43HRJNMUW67EDMRR7AKQYRZP3AI6IG";

    [Fact]
    public void DataUri_IsA256PixelSquarePng()
    {
        var uri = TotpQrCode.DataUri(Url);

        Assert.StartsWith("data:image/png;base64,", uri, StringComparison.Ordinal);
        var image = Png.Read(Convert.FromBase64String(uri["data:image/png;base64,".Length..]));
        Assert.Equal(256, image.Width);
        Assert.Equal(256, image.Height);
    }

    [Fact]
    public void TheCode_IsScaledByAWholeFactor_AndCentredOnWhite()
    {
        // 160 bytes at level M need version 9: 53 modules, scaled ×4 to 212 px, 22 px of white on each side.
        var image = Png.Read(Convert.FromBase64String(TotpQrCode.DataUri(Url)["data:image/png;base64,".Length..]));
        const int offset = 22;
        const int factor = 4;

        Assert.False(image.Dark(offset - 1, offset - 1));
        Assert.False(image.Dark(255, 255));
        Assert.True(image.Dark(offset, offset));
        Assert.True(image.Dark(offset + (7 * factor) - 1, offset));
        Assert.False(image.Dark(offset + (7 * factor), offset));
        Assert.False(image.Dark(offset + factor, offset + factor));
        Assert.True(image.Dark(offset + (3 * factor), offset + (3 * factor)));
        Assert.True(image.Dark(256 - offset - 1, offset));
        Assert.False(image.Dark(256 - offset, offset));
        Assert.True(image.Dark(offset, 256 - offset - 1));
    }

    [Fact]
    public void AKeyUriTooLongForAQrCode_IsABadRequest()
    {
        var e = Assert.Throws<Custos.Hosting.CustosException>(() => TotpQrCode.DataUri(Url + new string('x', 3000)));

        Assert.Equal(400, e.Code);
    }

    /// <summary>Just enough of a PNG reader for QRCoder's 1-bit greyscale output.</summary>
    private sealed record Png(int Width, int Height, byte[] Pixels, int Stride)
    {
        public bool Dark(int x, int y) => (Pixels[(y * Stride) + 1 + (x / 8)] & (0x80 >> (x % 8))) == 0;

        public static Png Read(byte[] bytes)
        {
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            int width = 0, height = 0;
            using var idat = new MemoryStream();
            for (var i = 8; i < bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(i));
                var type = System.Text.Encoding.ASCII.GetString(bytes, i + 4, 4);
                var data = bytes.AsSpan(i + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(1, data[8]);
                    Assert.Equal(0, data[9]);
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }

                i += 12 + length;
            }

            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            {
                z.CopyTo(inflated);
            }

            var stride = ((width + 7) / 8) + 1;
            var pixels = inflated.ToArray();
            Assert.Equal(stride * height, pixels.Length);
            Assert.All(Enumerable.Range(0, height), row => Assert.Equal(0, pixels[row * stride]));
            return new Png(width, height, pixels, stride);
        }
    }
}
