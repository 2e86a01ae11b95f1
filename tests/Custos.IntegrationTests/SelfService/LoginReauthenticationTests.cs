using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService;

/// <summary>
/// Re-authentication (<c>refresh=true</c>) keeps the session and its token and moves its expiry; like every browser
/// login it re-issues the session cookie, so the cookie's lifetime follows the session's.
/// </summary>
public sealed class LoginReauthenticationTests(ClockAppFactory app) : IClassFixture<ClockAppFactory>
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Spa)]
    public async Task Refresh_ReissuesSessionCookie_WithNewExpiry_SameToken(ClientKind kind)
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(app, kind);
        var first = SessionCookie(await client.LoginAsync(email, Password))!;
        var before = await (await client.WhoamiAsync()).JsonAsync();
        app.Time.Advance(TimeSpan.FromHours(3));
        var flow = await client.InitAsync("login", "?refresh=true");

        var response = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });
        var second = SessionCookie(response);
        var after = await (await client.WhoamiAsync()).JsonAsync();

        Assert.Equal(kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(second);
        Assert.NotEqual(first.Value, second.Value);
        Assert.Equal(before["id"]!.GetValue<string>(), after["id"]!.GetValue<string>());
        var expiresAt = DateTimeOffset.Parse(after["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateTimeOffset.Parse(before["expires_at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).AddHours(3), expiresAt);
        var remaining = (long)(expiresAt - app.Time.GetUtcNow()).TotalSeconds;
        Assert.InRange(second.MaxAge!.Value, remaining - 1, remaining + 1);
        Assert.Equal(expiresAt.ToUnixTimeSeconds(), second.Expires!.Value.ToUnixTimeSeconds());
        var cookies = app.Services.GetRequiredService<SessionCookie>();
        Assert.Equal(cookies.Open(first.Value)!.SessionToken, cookies.Open(second.Value)!.SessionToken);
        Assert.Equal(expiresAt.UtcDateTime, cookies.Open(second.Value)!.ExpiresAt);
    }

    [Fact]
    public async Task Api_RefreshWithBearerToken_ReturnsThatToken()
    {
        var email = await NewIdentityAsync();
        var client = new FlowClient(app, ClientKind.Api);
        await client.LoginAsync(email, Password);
        var token = client.SessionToken!;
        client.SessionToken = null;
        var init = new HttpRequestMessage(HttpMethod.Get, "/self-service/login/api?refresh=true");
        init.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var flow = (await (await client.Http.SendAsync(init)).JsonAsync()).AsObject();
        var submit = new HttpRequestMessage(HttpMethod.Post, new Uri(flow["ui"]!["action"]!.GetValue<string>()).PathAndQuery)
        {
            Content = new StringContent(new JsonObject { ["method"] = "password", ["identifier"] = email, ["password"] = Password }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        submit.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.Http.SendAsync(submit);
        var body = await response.JsonAsync();

        Assert.True(flow["refresh"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(token, body["session_token"]?.GetValue<string>());
    }

    private async Task<string> NewIdentityAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        return email;
    }

    private sealed record CookieHeader(string Value, long? MaxAge, DateTimeOffset? Expires);

    /// <summary>The <c>ory_kratos_session</c> cookie the response sets, or null.</summary>
    private static CookieHeader? SessionCookie(HttpResponseMessage response)
    {
        var header = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.StartsWith("ory_kratos_session=", StringComparison.Ordinal))
            : null;
        if (header is null)
        {
            return null;
        }

        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        string? Attribute(string name) => parts.Skip(1).FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..];
        return new CookieHeader(
            parts[0]["ory_kratos_session=".Length..],
            Attribute("max-age") is { } maxAge ? long.Parse(maxAge, System.Globalization.CultureInfo.InvariantCulture) : null,
            Attribute("expires") is { } expires ? DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
