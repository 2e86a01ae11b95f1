using System.Collections;
using Custos.Hosting;
using QRCoder;
using QRCoder.Exceptions;

namespace Custos.SelfService.Strategies.Totp;

/// <summary>
/// The QR code image of a key URI as Kratos serves it: a 256×256 PNG as a <c>data:image/png;base64,</c> URI, error
/// correction level M, the code scaled by the largest whole factor that fits and centred on white (boombuler/barcode's
/// <c>Scale</c>), so the margin is the quiet zone.
/// </summary>
internal static class TotpQrCode
{
    public const int Size = 256;
    private const int QuietZone = 4;

    public static string DataUri(string url)
    {
        QRCodeData code;
        try
        {
            // One byte-mode segment, as boombuler's qr.Auto encodes a URI (QRCoder would otherwise mix modes and pick
            // a smaller version than Kratos); key URIs are ASCII, so UTF-8 without an ECI header is plain bytes.
            code = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M, forceUtf8: true);
        }
        catch (DataTooLongException)
        {
            // Kratos answers 500 here; the only way to get here is an absurdly long issuer or account-name trait.
            throw KratosErrors.BadRequest("The TOTP key URI is too long to be shown as a QR code. Shorten the issuer or the account name.");
        }

        using (code)
        {
            using var image = new QRCodeData(1) { ModuleMatrix = Scale(code.ModuleMatrix) };
            using var png = new PngByteQRCode(image);
            return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(1, drawQuietZones: true));
        }
    }

    // QRCoder's matrix carries a 4-module quiet zone on each side; boombuler's has none and scaling adds the margin.
    private static List<BitArray> Scale(List<BitArray> padded)
    {
        var modules = padded.Count - (2 * QuietZone);
        var factor = Size / modules;
        var offset = (Size - (modules * factor)) / 2;
        var rows = new List<BitArray>(Size);
        for (var y = 0; y < Size; y++)
        {
            var row = new BitArray(Size);
            var my = y - offset;
            if (my >= 0 && my < modules * factor)
            {
                var source = padded[(my / factor) + QuietZone];
                for (var x = offset; x < offset + (modules * factor); x++)
                {
                    row[x] = source[((x - offset) / factor) + QuietZone];
                }
            }

            rows.Add(row);
        }

        return rows;
    }
}
