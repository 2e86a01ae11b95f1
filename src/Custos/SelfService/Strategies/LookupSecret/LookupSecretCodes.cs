using System.Security.Cryptography;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Kratos's backup-code format: 12 codes of 8 characters from <c>[a-z0-9]</c> (about 41 bits each), drawn from the
/// operating system's CSPRNG without modulo bias.
/// </summary>
internal static class LookupSecretCodes
{
    public const int Count = 12;
    public const int Length = 8;
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new set of <see cref="Count"/> distinct codes.</summary>
    public static IReadOnlyList<string> Generate()
    {
        // A repeat is astronomically unlikely, but two equal codes in one set would make "used" ambiguous.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < Count)
        {
            codes.Add(RandomNumberGenerator.GetString(Alphabet, Length));
        }

        return codes.ToList();
    }
}
