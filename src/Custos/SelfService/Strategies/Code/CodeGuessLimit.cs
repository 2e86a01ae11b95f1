using Custos.Config;
using Custos.Identity;
using Custos.Security.Throttling;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// <c>security.throttling.code_identity</c>: code submissions per identity (or, before an identity exists, per address)
/// across every flow, so that opening new flows does not reset guessing; each flow's <c>max_submissions</c> still
/// applies. Every submission takes one from the window before the code is looked at (one atomic statement, so parallel
/// guesses cannot slip past the limit); a right code clears the count, so only the wrong codes since the last right one
/// remain. Once used up, even the right code is refused until the window ends; a refused attempt is not counted.
/// </summary>
internal sealed class CodeGuessLimit(IThrottleStore store, ThrottleKeyHasher hasher, IPrivilegedIdentityPool identities, IOptionsMonitor<CustosOptions> options, TimeProvider clock)
{
    private ThrottlingOptions Throttling => options.CurrentValue.Security.Throttling;

    /// <summary>The counter of an identity's codes.</summary>
    public ThrottleKey ForIdentity(Guid identityId)
    {
        var id = identityId.ToString("D");
        return hasher.Key(Throttling.Rule(ThrottleRules.CodeIdentity), hasher.Subject(ThrottleSubjects.Identity, id), "identity", id);
    }

    /// <summary>The counter of codes sent to an address nobody owns yet (registration, or an unknown recovery address).</summary>
    public ThrottleKey ForAddress(string channel, string address) =>
        hasher.Key(Throttling.Rule(ThrottleRules.CodeIdentity), null, "address", channel, IdentifierNormalizer.NormalizeAddress(channel, address));

    /// <summary>
    /// The counter of a recovery (<paramref name="verification"/> false) or verification flow's codes: its address's
    /// owner, else the address itself, so an unknown address is limited exactly like a known one. None for a flow that
    /// sent nothing (an admin's recovery code).
    /// </summary>
    public async Task<IReadOnlyList<ThrottleKey>> ForAddressFlowAsync(string? sentTo, bool verification, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(sentTo) || !Throttling.Enabled)
        {
            return [];
        }

        var value = IdentifierNormalizer.NormalizeAddress("email", sentTo);
        var owner = verification
            ? (await identities.FindVerifiableAddressAsync("email", value, ct))?.IdentityId
            : (await identities.FindRecoveryAddressAsync("email", value, ct))?.IdentityId;
        return [owner is { } id ? ForIdentity(id) : ForAddress("email", value)];
    }

    /// <summary>
    /// Takes one submission from each of <paramref name="keys"/>; null when allowed, else the <c>Retry-After</c> seconds
    /// of the counter that refused (the submission must then be refused whatever the code).
    /// </summary>
    public async Task<int?> TakeAsync(IReadOnlyList<ThrottleKey> keys, CancellationToken ct)
    {
        if (!Throttling.Enabled)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        foreach (var key in keys)
        {
            var take = await store.TryTakeAsync(key, now, ct);
            if (!take.Allowed)
            {
                return take.Count.RetryAfterSeconds(now);
            }
        }

        return null;
    }

    /// <summary>A right code: the guesses counted for <paramref name="keys"/> are forgotten.</summary>
    public Task ClearAsync(IReadOnlyList<ThrottleKey> keys, CancellationToken ct) =>
        Throttling.Enabled ? store.DeleteAsync(keys, ct) : Task.CompletedTask;
}
