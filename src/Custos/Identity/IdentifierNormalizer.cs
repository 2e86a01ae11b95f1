using System.Text;

namespace Custos.Identity;

/// <summary>
/// Normalises identifiers and addresses for storage and lookup: trim, NFKC, lower-case; phone numbers (addresses
/// sent by SMS) become E.164 (<c>+</c> and digits).
/// </summary>
internal static class IdentifierNormalizer
{
    public static string Normalize(string value)
    {
        var s = value.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        // A value written as an international phone number is stored in E.164, so "+49 151 ..." and "+49151..." are one identifier.
        return s.StartsWith('+') && NormalizePhone(s) is { } phone ? phone : s;
    }

    public static string NormalizeAddress(string via, string value) =>
        via == "sms" ? NormalizePhone(value) ?? Normalize(value) : Normalize(value);

    /// <summary>E.164 form of a loosely written phone number, or null when it is not one.</summary>
    public static string? NormalizePhone(string value)
    {
        var digits = new StringBuilder();
        var s = value.Trim();
        var plus = s.StartsWith('+') || s.StartsWith("00", StringComparison.Ordinal);
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.' or '+'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (s.StartsWith("00", StringComparison.Ordinal))
        {
            number = number[2..];
        }

        return plus && number.Length is >= 7 and <= 15 ? "+" + number : null;
    }
}
