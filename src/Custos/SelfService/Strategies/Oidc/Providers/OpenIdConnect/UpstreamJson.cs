using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

/// <summary>
/// GETs a JSON object from a provider (discovery, JWKS, userinfo, provider APIs). Every failure becomes an
/// <see cref="OidcProviderException"/> naming what was fetched — never the token that authorised the request.
/// </summary>
internal static class UpstreamJson
{
    /// <summary>The most a provider answer may hold; Kratos reads upstream bodies through a 1 MiB limit.</summary>
    private const int MaxBytes = 1024 * 1024;

    /// <summary>The answer's JSON object; <paramref name="what"/> names the document in error messages.</summary>
    public static async Task<JsonObject> GetAsync(HttpClient http, string url, string what, string? bearer, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                throw new OidcProviderException(
                    $"OpenID Connect provider returned a {(int)response.StatusCode} status code but 200 is expected ({what}).");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new MemoryStream();
            await CopyLimitedAsync(stream, buffer, what, ct);
            return JsonNode.Parse(buffer.ToArray()) as JsonObject
                ?? throw new OidcProviderException($"Unable to decode the {what}: it is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new OidcProviderException($"Unable to decode the {what}: it is not valid JSON.");
        }
        catch (HttpRequestException e) when (e.InnerException is PrivateAddressRefusedException)
        {
            throw new OidcProviderException(
                $"Unable to fetch the {what}: the provider's address is private and clients.http.disallow_private_ip_ranges refuses it.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new OidcProviderException($"Unable to fetch the {what}: the provider could not be reached.");
        }
    }

    private static async Task CopyLimitedAsync(Stream from, MemoryStream to, string what, CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(chunk, ct)) > 0)
        {
            if (to.Length + read > MaxBytes)
            {
                throw new OidcProviderException($"Unable to decode the {what}: the answer is larger than 1 MiB.");
            }

            to.Write(chunk, 0, read);
        }
    }
}
