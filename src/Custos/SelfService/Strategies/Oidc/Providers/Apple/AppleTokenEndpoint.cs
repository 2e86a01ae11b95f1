using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers.Apple;

/// <summary>
/// The code grant at Apple's token endpoint, which takes the client credentials in the form body
/// (<c>client_secret_post</c>; Kratos's <c>AuthStyleInParams</c>) rather than the Basic header.
/// </summary>
internal static class AppleTokenEndpoint
{
    /// <summary>The tokens; throws <see cref="OidcProviderException"/> on any failure.</summary>
    public static async Task<OidcTokens> ExchangeAsync(
        HttpClient http, string tokenUrl, OidcProviderOptions config, string clientSecret, OidcCallbackRequest callback, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("client_id", config.ClientId),
            new("client_secret", clientSecret),
            new("code", callback.Code),
            new("grant_type", "authorization_code"),
            new("redirect_uri", callback.RedirectUri),
        };
        if (callback.CodeVerifier is { } verifier)
        {
            form.Add(new("code_verifier", verifier));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("application/json");
        JsonObject answer;
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            answer = Parse(body);
            if (!response.IsSuccessStatusCode || answer["error"] is not null)
            {
                var error = answer["error"]?.ToString() ?? $"status {(int)response.StatusCode}";
                throw new OidcProviderException($"Unable to exchange the OAuth2 authorization code: the token endpoint answered \"{error}\".");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new OidcProviderException("Unable to exchange the OAuth2 authorization code: the token endpoint could not be reached.");
        }

        var access = Text(answer, "access_token");
        if (access.Length == 0)
        {
            throw new OidcProviderException("Unable to exchange the OAuth2 authorization code: the token endpoint returned no access_token.");
        }

        return new OidcTokens(Text(answer, "id_token"), access, Text(answer, "refresh_token"));
    }

    private static JsonObject Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";
}
