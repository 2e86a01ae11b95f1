using Custos.Hosting;

namespace Custos.SelfService.Strategies.Code;

/// <summary>Draws a code (6 digits) or link token (32 alphanumerics) for a flow and stores only its HMAC.</summary>
internal sealed class OneTimeSecretIssuer(IOneTimeSecretStore store, OneTimeSecrets hmac, TimeProvider clock)
{
    /// <summary>Stores a new secret of <paramref name="kind"/> and returns it in clear (it is never stored).</summary>
    public async Task<string> IssueAsync(OneTimeSecretKind kind, Guid flowId, Guid identityId, Guid? addressId, TimeSpan lifespan, int secretType, CancellationToken ct)
    {
        var isToken = kind is OneTimeSecretKind.RecoveryToken or OneTimeSecretKind.VerificationToken;
        var secret = isToken ? OneTimeSecrets.NewToken() : OneTimeSecrets.NewCode();
        var now = Clock.Now(clock);
        await store.CreateAsync(new OneTimeSecret
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            IdentityId = identityId,
            AddressId = addressId,
            FlowId = flowId,
            SecretHmac = hmac.Hmac(secret),
            SecretType = secretType,
            ExpiresAt = now + lifespan,
            IssuedAt = now,
        }, ct);
        return secret;
    }
}
