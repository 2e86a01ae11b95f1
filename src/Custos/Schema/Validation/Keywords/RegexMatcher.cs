using System.Text.RegularExpressions;

namespace Custos.Schema.Validation.Keywords;

/// <summary>Matching that turns a regex timeout into a result instead of an exception.</summary>
internal static class RegexMatcher
{
    /// <returns><c>false</c> when the match timed out.</returns>
    public static bool TryMatch(Regex regex, string input, out bool matched)
    {
        try
        {
            matched = regex.IsMatch(input);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            matched = false;
            return false;
        }
    }
}
