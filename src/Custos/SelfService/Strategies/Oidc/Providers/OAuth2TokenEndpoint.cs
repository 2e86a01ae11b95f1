using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Config;

namespace Custos.SelfService.Strategies.Oidc.Providers;

/// <summary>
/// The authorization-code grant at a token endpoint (RFC 6749 §4.1.3), as golang.org/x/oauth2 sends it: client
/// credentials in the Basic header (form-encoded, RFC 6749 §2.3.1), <c>code_verifier</c> with PKCE. Answers JSON or,
/// as GitHub may, a form-encoded body.
/// </summary>
internal static class OAuth2TokenEndpoint
{
    /// <summary>The tokens and the whole answer (for provider-specific fields); throws <see cref="OidcProviderException"/> on any failure.</summary>
    public static async Task<(OidcTokens Tokens, JsonObject Raw)> ExchangeAsync(
        HttpClient http, string tokenUrl, OidcProviderOptions config, OidcCallbackRequest callback, string? clientSecret, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", callback.Code),
            new("redirect_uri", callback.RedirectUri),
        };
        if (callback.CodeVerifier is { } verifier)
        {
            form.Add(new("code_verifier", verifier));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        var secret = clientSecret ?? config.ClientSecret ?? "";
        var basic = Uri.EscapeDataString(config.ClientId) + ":" + Uri.EscapeDataString(secret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(basic)));
        request.Headers.Accept.ParseAdd("application/json");

        JsonObject raw;
        try
        {
            using var response = await http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            raw = Parse(body, response.Content.Headers.ContentType?.MediaType);
            if (!response.IsSuccessStatusCode || raw["error"] is not null)
            {
                var error = raw["error"]?.ToString() ?? $"status {(int)response.StatusCode}";
                throw new OidcProviderException($"Unable to exchange the OAuth2 authorization code: the token endpoint answered \"{error}\".");
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new OidcProviderException("Unable to exchange the OAuth2 authorization code: the token endpoint could not be reached.");
        }

        var access = Text(raw, "access_token");
        if (access.Length == 0)
        {
            throw new OidcProviderException("Unable to exchange the OAuth2 authorization code: the token endpoint returned no access_token.");
        }

        return (new OidcTokens(Text(raw, "id_token"), access, Text(raw, "refresh_token")), raw);
    }

    private static JsonObject Parse(string body, string? mediaType)
    {
        if (mediaType is "application/x-www-form-urlencoded" or "text/plain")
        {
            var o = new JsonObject();
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
            {
                o[key] = value.ToString();
            }

            return o;
        }

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
