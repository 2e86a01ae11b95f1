using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// A provider's signing keys (RFC 7517 JWK Set), fetched on first use and kept. A token whose <c>kid</c> is not among
/// the kept keys makes one refetch (the provider rotated its keys), as go-oidc's remote key set does; concurrent
/// refetches share one request.
/// </summary>
internal sealed class JwksKeySet(HttpClient http)
{
    private readonly Lock _lock = new();
    private (string Url, Task<IReadOnlyList<SecurityKey>> Keys)? _current;

    /// <summary>The keys at <paramref name="url"/> to verify a token with <paramref name="kid"/> (null: any key).</summary>
    public async Task<IReadOnlyList<SecurityKey>> KeysAsync(string url, string? kid, CancellationToken ct)
    {
        var fetch = Current(url, ct);
        var keys = await fetch;
        if (kid is null || keys.Any(k => k.KeyId == kid))
        {
            return keys;
        }

        lock (_lock)
        {
            // Another caller may already have refetched since this one read the set.
            if (_current is { } c && c.Url == url && c.Keys != fetch)
            {
                fetch = c.Keys;
            }
            else
            {
                fetch = FetchAsync(url, ct);
                _current = (url, fetch);
            }
        }

        return await fetch;
    }

    private Task<IReadOnlyList<SecurityKey>> Current(string url, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_current is not { } c || c.Url != url || c.Keys.IsFaulted || c.Keys.IsCanceled)
            {
                _current = (url, FetchAsync(url, ct));
            }

            return _current.Value.Keys;
        }
    }

    private async Task<IReadOnlyList<SecurityKey>> FetchAsync(string url, CancellationToken ct)
    {
        var json = await UpstreamJson.GetAsync(http, url, "JSON Web Key Set", null, ct);
        if (json["keys"] is not JsonArray)
        {
            throw new OidcProviderException("Unable to decode the JSON Web Key Set: it has no keys array.");
        }

        try
        {
            var set = new JsonWebKeySet(json.ToJsonString()) { SkipUnresolvedJsonWebKeys = true };

            // Encryption keys never verify a signature.
            return [.. set.Keys.Where(k => k.Use is null or "" or "sig")];
        }
        catch (ArgumentException)
        {
            throw new OidcProviderException("Unable to decode the JSON Web Key Set.");
        }
    }
}
