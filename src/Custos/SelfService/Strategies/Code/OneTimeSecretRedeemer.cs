using Custos.Hosting;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The one place where a submitted code or link token is used, for recovery and verification, code and link alike.
/// Using is atomic, so of parallel submissions of one secret exactly one redeems it; callers run it in the transaction
/// of what the secret unlocks, so a step that fails afterwards leaves the secret unused.
/// </summary>
internal sealed class OneTimeSecretRedeemer(IOneTimeSecretStore secrets, OneTimeSecrets hmac, TimeProvider clock)
{
    public async Task<Redemption> RedeemAsync(OneTimeSecretKind kind, Guid flowId, string secret, CancellationToken ct)
    {
        var now = Clock.Now(clock);
        var used = await secrets.UseAsync(kind, flowId, hmac.Candidates(secret), now, ct);
        if (used is null)
        {
            return Redemption.NotFound;
        }

        return used.ExpiresAt <= now ? new Redemption.Expired(used.ExpiresAt) : new Redemption.Redeemed(used);
    }
}
