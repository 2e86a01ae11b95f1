using System.Security.Cryptography;
using System.Text;
using Custos.Hosting;
using Custos.Identity;

namespace Custos.SelfService.Strategies.LookupSecret;

/// <summary>
/// Second-factor login with a backup code: finds the code among the identity's entries and consumes it with one
/// conditional update, so a code works once however many requests race with it.
/// </summary>
internal sealed class LookupSecretVerifier(ILookupSecretStore store, LookupCodeHasher hasher, TimeProvider clock)
{
    // A failed update means the entry changed under us (used, or the set was replaced); a second look settles it.
    private const int Attempts = 3;

    /// <summary>
    /// Consumes <paramref name="code"/> (the body's <c>lookup_secret</c>, null when absent) for
    /// <paramref name="identity"/>. On success the identity's in-memory credential carries the new <c>used_at</c>,
    /// so a later full identity write keeps it.
    /// </summary>
    public async Task<LookupSecretUse> UseAsync(Identity.Identity identity, string? code, CancellationToken ct)
    {
        var now = Clock.Now(clock);
        if (code is null)
        {
            return new LookupSecretUse(LookupSecretUseStatus.Missing, now);
        }

        var candidates = hasher.Candidates(identity.Id, code);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var stored = await store.GetAsync(identity.Id, ct);
            if (stored is null)
            {
                return new LookupSecretUse(LookupSecretUseStatus.NoCodes, now);
            }

            var entries = LookupSecretCredential.Read(stored.Config);
            var (index, matched) = Find(entries, code, candidates);
            if (!matched)
            {
                return new LookupSecretUse(LookupSecretUseStatus.Invalid, now);
            }

            if (index < 0)
            {
                return new LookupSecretUse(LookupSecretUseStatus.AlreadyUsed, now);
            }

            var (field, value) = entries[index].Hmac is { } hmac
                ? (LookupSecretCredential.HmacField, hmac)
                : (LookupSecretCredential.ClearField, entries[index].Clear!);
            var usedAt = RoundToSecond(now);
            if (await store.TryMarkUsedAsync(stored.CredentialId, index, field, value, usedAt, ct))
            {
                if (identity.Credentials.TryGetValue(CredentialTypes.LookupSecret, out var credential))
                {
                    credential.Config = LookupSecretCredential.MarkUsed(stored.Config, index, usedAt);
                }

                return new LookupSecretUse(LookupSecretUseStatus.Accepted, now);
            }
        }

        return new LookupSecretUse(LookupSecretUseStatus.AlreadyUsed, now);
    }

    /// <summary>
    /// The first unused entry <paramref name="code"/> opens (-1 when none), and whether it opens any entry at all;
    /// every entry is compared, in constant time.
    /// </summary>
    private static (int Index, bool Matched) Find(IReadOnlyList<LookupCode> entries, string code, IReadOnlyList<string> candidates)
    {
        if (code.Length == 0)
        {
            return (-1, false);
        }

        var (index, matched) = (-1, false);
        var clear = Encoding.UTF8.GetBytes(code);
        var macs = candidates.Select(c => Encoding.ASCII.GetBytes(c)).ToList();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var match = entry.Hmac is { } hmac
                ? macs.Any(m => FixedEquals(m, Encoding.ASCII.GetBytes(hmac)))
                : entry.Clear is { } stored && FixedEquals(clear, Encoding.UTF8.GetBytes(stored));
            matched |= match;
            if (match && !entry.IsUsed && index < 0)
            {
                index = i;
            }
        }

        return (index, matched);
    }

    private static bool FixedEquals(byte[] a, byte[] b) => CryptographicOperations.FixedTimeEquals(a, b);

    // Kratos stores used_at as time.Now().UTC().Round(time.Second): half a second rounds up.
    private static DateTime RoundToSecond(DateTime t) =>
        new((t.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
