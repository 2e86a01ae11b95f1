using Custos.Config;
using Custos.Hosting;

namespace Custos.Admin.Keys;

/// <summary>
/// Creates, lists, revokes and checks admin API keys; the admin API and <c>custos admin-keys</c> share it, so both
/// refuse the same bad input with the same words.
/// </summary>
internal sealed class AdminKeyService(IAdminKeyStore store, TimeProvider clock)
{
    /// <summary>How long <c>last_used_at</c> may lag: at most one write per key per this interval, not one per request.</summary>
    public static readonly TimeSpan LastUsedGranularity = TimeSpan.FromMinutes(1);

    private const int MaxNameLength = 255;

    /// <summary>A new key and the only time its secret is seen.</summary>
    public sealed record Created(AdminApiKey Key, string Secret);

    /// <summary>Validates and stores a key; bad input throws a 400 <see cref="CustosException"/>.</summary>
    public async Task<Created> CreateAsync(string? name, IReadOnlyList<string>? scopes, string? expiresIn, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw KratosErrors.BadRequest($"name is required and at most {MaxNameLength} characters long.");
        }

        if (scopes is not { Count: > 0 })
        {
            throw KratosErrors.BadRequest("scopes must name at least one scope: " + string.Join(", ", AdminScopes.All) + ".");
        }

        if (scopes.FirstOrDefault(s => !AdminScopes.IsKnown(s)) is { } unknown)
        {
            throw KratosErrors.BadRequest($"Unknown scope \"{unknown}\"; known scopes are: " + string.Join(", ", AdminScopes.All) + ".");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? expiresAt = null;
        if (!string.IsNullOrWhiteSpace(expiresIn))
        {
            if (!GoDuration.TryParse(expiresIn, out var lifetime) || lifetime <= TimeSpan.Zero)
            {
                throw KratosErrors.BadRequest($"expires_in \"{expiresIn}\" is not a positive duration such as \"720h\".");
            }

            expiresAt = lifetime > DateTime.MaxValue - now ? DateTime.MaxValue : now + lifetime;
        }

        var secret = AdminKeySecret.Generate();
        var key = new AdminApiKey
        {
            Id = Guid.NewGuid(),
            Name = name,
            KeyHash = AdminKeySecret.Hash(secret),
            Scopes = scopes.ToHashSet(StringComparer.Ordinal),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await store.CreateAsync(key, ct);
        return new Created(key, secret);
    }

    public Task<IReadOnlyList<AdminApiKey>> ListAsync(CancellationToken ct) => store.ListAsync(ct);

    public Task<bool> RevokeAsync(Guid id, CancellationToken ct) => store.RevokeAsync(id, clock.GetUtcNow().UtcDateTime, ct);

    /// <summary>The active key <paramref name="presented"/> names, or null (unknown, revoked, expired, malformed).</summary>
    public async Task<AdminApiKey?> AuthenticateAsync(string presented, CancellationToken ct)
    {
        if (!presented.StartsWith(AdminKeySecret.Prefix, StringComparison.Ordinal) || presented.Length > 128)
        {
            return null;
        }

        var key = await store.FindByHashAsync(AdminKeySecret.Hash(presented), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // The index lookup finds the row by digest; the constant-time comparison keeps the final check free of timing.
        if (key is null || !AdminKeySecret.Matches(presented, key.KeyHash) || !key.IsActive(now))
        {
            return null;
        }

        if (key.LastUsedAt is null || key.LastUsedAt <= now - LastUsedGranularity)
        {
            await store.TouchAsync(key.Id, now, now - LastUsedGranularity, ct);
        }

        return key;
    }
}
