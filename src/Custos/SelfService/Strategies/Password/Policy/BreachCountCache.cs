using System.Collections.Concurrent;

namespace Custos.SelfService.Strategies.Password.Policy;

/// <summary>
/// Breach counts by SHA-1 (upper-case hex) for one hour, like Kratos's validator cache, so a user retrying a form
/// does not query the range API again. Bounded: past <see cref="Capacity"/> entries, expired ones are purged and, if
/// still full, the cache starts over.
/// </summary>
internal sealed class BreachCountCache(TimeProvider clock)
{
    public const int Capacity = 100_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (long Count, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string sha1Hex, out long count)
    {
        if (_entries.TryGetValue(sha1Hex, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            count = entry.Count;
            return true;
        }

        count = 0;
        return false;
    }

    public void Set(string sha1Hex, long count)
    {
        if (_entries.Count >= Capacity)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expires <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }

        _entries[sha1Hex] = (count, clock.GetUtcNow() + Lifetime);
    }
}
