using Custos.Hosting;
using Custos.Identity;

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

    /// <summary>
    /// Stores a new login or registration code for <paramref name="address"/> and returns it in clear. Each address gets
    /// its own code, so the address a code was used from is known (Kratos does the same).
    /// </summary>
    public async Task<string> IssueCodeAsync(OneTimeSecretKind kind, Guid flowId, Guid? identityId, CodeAddress address, TimeSpan lifespan, CancellationToken ct)
    {
        var code = OneTimeSecrets.NewCode();
        var now = Clock.Now(clock);
        await store.CreateAsync(new OneTimeSecret
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            IdentityId = identityId ?? Guid.Empty,
            Address = address.Address,
            AddressType = address.Channel,
            FlowId = flowId,
            SecretHmac = hmac.Hmac(code),
            ExpiresAt = now + lifespan,
            IssuedAt = now,
        }, ct);
        return code;
    }
}
