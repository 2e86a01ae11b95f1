using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.Identity;
using Custos.SelfService.Flows;

namespace Custos.SelfService.Strategies.Oidc;

/// <summary>
/// An <c>id_token</c> a native app got from the provider's own SDK (strategies contract §5.9): verified by the provider
/// (JWKS, fixed issuer, audiences), then its <c>nonce</c> checked against <c>id_token_nonce</c>. Failures are JSON
/// errors with Kratos's statuses and reasons, not flow messages. No tokens are stored.
/// </summary>
internal sealed class OidcIdTokens(IPrivilegedIdentityPool identities)
{
    /// <summary>The verified sign-in, ready to resume <paramref name="flow"/> with.</summary>
    public async Task<OidcCallback> VerifyAsync(Flow flow, IOidcProvider provider, string idToken, string? nonce, JsonObject? traits, CancellationToken ct)
    {
        if (provider is not IOidcIdTokenVerifier verifier)
        {
            throw KratosErrors.BadGateway($"The provider {provider.Config.Provider} does not support id_token verification");
        }

        OidcClaims claims;
        try
        {
            claims = await verifier.VerifyIdTokenAsync(idToken, ct);
        }
        catch (OidcProviderException e)
        {
            throw e.Status == 403 ? KratosErrors.Forbidden(e.Message) : KratosErrors.BadGateway(e.Message);
        }

        if (string.IsNullOrEmpty(claims.Subject) || string.IsNullOrEmpty(claims.Issuer))
        {
            throw KratosErrors.Forbidden("The id_token claims were invalid");
        }

        CheckNonce(verifier, claims, nonce);
        var existing = await identities.FindByCredentialsIdentifierAsync(CredentialTypes.Oidc, OidcCredentialConfig.Identifier(provider.Config.Id, claims.Subject), ct);
        return new OidcCallback(flow.Id, provider, claims, OidcTokens.None, traits, existing);
    }

    private static void CheckNonce(IOidcIdTokenVerifier verifier, OidcClaims claims, string? submitted)
    {
        if (string.IsNullOrEmpty(claims.Nonce))
        {
            if (!verifier.CanSkipNonce(claims))
            {
                throw KratosErrors.BadGateway("No nonce was included in the id_token but is required by the provider");
            }

            return;
        }

        if (string.IsNullOrEmpty(submitted))
        {
            throw KratosErrors.BadGateway("No nonce was provided but is required by the provider");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(submitted), Encoding.UTF8.GetBytes(claims.Nonce)))
        {
            throw KratosErrors.BadGateway("The supplied nonce does not match the nonce from the id_token");
        }
    }
}
