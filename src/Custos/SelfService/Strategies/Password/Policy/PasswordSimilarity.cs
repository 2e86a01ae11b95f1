using System.Text;

namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>
/// Kratos's identifier-similarity rule: compared lower-cased, a password is too similar to an identifier when their
/// Levenshtein distance (over UTF-8 bytes) is below 5, or when their longest common substring covers more than half
/// of the password's bytes. Both sides are capped at 256 bytes because the comparison is O(n·m); longer values are
/// not compared at all.
/// </summary>
internal static class PasswordSimilarity
{
    public const int MaxLength = 256;
    public const int MinDistance = 5;
    public const double MaxSubstringRatio = 0.5;

    public static bool TooSimilar(string identifier, string password)
    {
        if (identifier.Length == 0 || Encoding.UTF8.GetByteCount(identifier) > MaxLength || Encoding.UTF8.GetByteCount(password) > MaxLength)
        {
            return false;
        }

        // Case folding can grow a string, so the caps are checked again after it.
        var a = Encoding.UTF8.GetBytes(identifier.ToLowerInvariant());
        var b = Encoding.UTF8.GetBytes(password.ToLowerInvariant());
        if (a.Length > MaxLength || b.Length > MaxLength || b.Length == 0)
        {
            return false;
        }

        return Levenshtein(a, b) < MinDistance || (double)LongestCommonSubstring(a, b) / b.Length > MaxSubstringRatio;
    }

    public static int Levenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var column = new int[a.Length + 1];
        for (var y = 1; y <= a.Length; y++)
        {
            column[y] = y;
        }

        for (var x = 1; x <= b.Length; x++)
        {
            column[0] = x;
            var lastDiagonal = x - 1;
            for (var y = 1; y <= a.Length; y++)
            {
                var oldDiagonal = column[y];
                var cost = a[y - 1] == b[x - 1] ? 0 : 1;
                column[y] = Math.Min(Math.Min(column[y] + 1, column[y - 1] + 1), lastDiagonal + cost);
                lastDiagonal = oldDiagonal;
            }
        }

        return column[a.Length];
    }

    /// <summary>
    /// Length (in runes) of the longest common substring, walking runes but indexing the table by byte offsets as
    /// Kratos does, so a run is only extended from the cell of the preceding byte.
    /// </summary>
    public static int LongestCommonSubstring(byte[] a, byte[] b)
    {
        var lengths = new int[a.Length * b.Length];
        var greatest = 0;
        foreach (var (i, x) in Runes(a))
        {
            foreach (var (j, y) in Runes(b))
            {
                if (x != y)
                {
                    continue;
                }

                var current = i != 0 && j != 0 ? lengths[((i - 1) * b.Length) + j - 1] + 1 : 1;
                greatest = Math.Max(greatest, current);
                lengths[(i * b.Length) + j] = current;
            }
        }

        return greatest;
    }

    private static List<(int Offset, Rune Rune)> Runes(byte[] utf8)
    {
        var runes = new List<(int, Rune)>();
        var offset = 0;
        while (offset < utf8.Length)
        {
            Rune.DecodeFromUtf8(utf8.AsSpan(offset), out var rune, out var consumed);
            runes.Add((offset, rune));
            offset += consumed;
        }

        return runes;
    }
}
