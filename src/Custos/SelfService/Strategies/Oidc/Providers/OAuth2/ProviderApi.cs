using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Custos.SelfService.Strategies.Oidc.Providers.OAuth2;

/// <summary>
/// A GET on a provider's own API (GitHub's <c>/user</c>, Discord's <c>/users/@me</c>, Facebook's Graph <c>/me</c>) with
/// the access token as a Bearer token. Every failure is an <see cref="OidcProviderException"/> (502) naming what was
/// asked for and why; the token never appears in a message.
/// </summary>
internal static class ProviderApi
{
    /// <summary>The largest answer read; a person's profile is a few kilobytes.</summary>
    private const int MaxAnswerBytes = 1 << 20;

    /// <summary>A GET request with the token and Custos's <c>User-Agent</c> (GitHub refuses requests without one).</summary>
    public static HttpRequestMessage Get(string url, string accessToken, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd(accept);
        request.Headers.UserAgent.ParseAdd("Custos");
        return request;
    }

    /// <summary>Sends <paramref name="request"/> (and disposes it) and parses a 200 answer as JSON.</summary>
    /// <param name="what">What was asked for, for the error reason ("the GitHub user").</param>
    public static async Task<JsonNode> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken ct)
    {
        using (request)
        {
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                if (response.StatusCode != System.Net.HttpStatusCode.OK)
                {
                    throw new OidcProviderException(
                        $"Unable to fetch {what}: the provider returned a {(int)response.StatusCode} status code but 200 is expected.");
                }

                var body = await ReadBoundedAsync(response.Content, what, ct);
                return JsonNode.Parse(body) ?? throw new JsonException("null");
            }
            catch (JsonException)
            {
                throw new OidcProviderException($"Unable to fetch {what}: the provider's answer is not valid JSON.");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
            {
                throw new OidcProviderException($"Unable to fetch {what}: the provider could not be reached.");
            }
        }
    }

    /// <summary>The string at <paramref name="key"/>, or null when absent, null or not a string.</summary>
    public static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The boolean at <paramref name="key"/>; false when absent or not a boolean.</summary>
    public static bool Flag(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, string what, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                throw new OidcProviderException($"Unable to fetch {what}: the provider's answer is larger than 1 MiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
