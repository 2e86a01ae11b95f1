using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Sessions;

/// <summary>
/// Issues sessions through the real <see cref="SessionManager"/> of the app (login flows do not exist yet) and builds
/// requests that carry them.
/// </summary>
internal static class SessionTestExtensions
{
    public static ManualTimeProvider ManualClock(this CustosAppFactory app) => (ManualTimeProvider)app.Clock!;

    /// <summary>A public-port client without a cookie jar, so each request carries exactly the credentials a test gives it.</summary>
    public static HttpClient PublicClient(this CustosAppFactory app)
    {
        app.Public();
        return app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://localhost:{CustosAppFactory.PublicPort}/"), AllowAutoRedirect = false, HandleCookies = false,
        });
    }

    public static async Task<Guid> NewIdentityAsync(this CustosAppFactory app) =>
        Guid.Parse((await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com"))["id"]!.GetValue<string>());

    public static async Task<IssuedSession> IssueSessionAsync(this CustosAppFactory app, Guid identityId, params AuthenticationMethod[] methods)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var identity = await scope.ServiceProvider.GetRequiredService<IIdentityPool>().GetAsync(identityId, withCredentials: false, CancellationToken.None)
            ?? throw new InvalidOperationException("no such identity");
        var manager = scope.ServiceProvider.GetRequiredService<SessionManager>();
        var context = new DefaultHttpContext();
        context.Request.Headers.UserAgent = "custos-tests/1.0";
        context.Request.Headers["X-Forwarded-For"] = "10.0.0.1, 203.0.113.77";
        var first = methods.Length > 0 ? methods[0] : new AuthenticationMethod("password", "aal1", default);
        var session = manager.NewSession(identity, first, ClientDevice.From(context));
        foreach (var more in methods.Skip(1))
        {
            session.AddAuthenticationMethod(more);
        }

        return await manager.PersistAsync(session, CancellationToken.None);
    }

    public static async Task<IssuedSession> NewSessionAsync(this CustosAppFactory app) => await app.IssueSessionAsync(await app.NewIdentityAsync());

    /// <summary>The <c>name=value</c> pair of the session cookie the app would set for this session.</summary>
    public static string CookieFor(this CustosAppFactory app, IssuedSession issued)
    {
        var context = new DefaultHttpContext();
        app.Services.GetRequiredService<SessionCookie>().Write(context, issued.Token, issued.Session.ExpiresAt);
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }

    public static async Task RevokeAsync(this CustosAppFactory app, Guid sessionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SessionManager>().RevokeAsync(sessionId, SessionRevocationAudit.Admin, CancellationToken.None);
    }

    public const string TotpUrl = "otpauth://totp/Custos:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Custos";

    /// <summary>
    /// Writes a credential straight through the identity pool, bypassing every place that recomputes the available AAL:
    /// the stored <c>available_aal</c> is set to <paramref name="storedAvailableAal"/> (a stale value, as after
    /// GHSA-wc43-73w7-x2f5) so that a check that trusts the column is caught.
    /// </summary>
    public static async Task AddCredentialAsync(this CustosAppFactory app, Guid identityId, string type, string config, string[]? identifiers = null, string? storedAvailableAal = "aal1")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var pool = scope.ServiceProvider.GetRequiredService<IPrivilegedIdentityPool>();
        var identity = (await pool.GetAsync(identityId, withCredentials: true, CancellationToken.None))!;
        var now = DateTime.UtcNow;
        identity.Credentials[type] = new Credentials
        {
            Id = Guid.NewGuid(),
            Type = type,
            Config = (JsonObject)JsonNode.Parse(config)!,
            Identifiers = [.. identifiers ?? [identityId.ToString()]],
            CreatedAt = now,
            UpdatedAt = now,
        };
        identity.AvailableAal = storedAvailableAal;
        await pool.UpdateAsync(identity, CancellationToken.None);
    }

    /// <summary>Adds a TOTP device (a second factor) while the stored <c>available_aal</c> keeps saying aal1.</summary>
    public static Task AddTotpAsync(this CustosAppFactory app, Guid identityId) =>
        app.AddCredentialAsync(identityId, "totp", $$"""{"totp_url":"{{TotpUrl}}"}""");

    public static HttpRequestMessage WithToken(this HttpRequestMessage request, string token)
    {
        request.Headers.Add("X-Session-Token", token);
        return request;
    }

    public static HttpRequestMessage WithBearer(this HttpRequestMessage request, string token)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public static HttpRequestMessage WithCookie(this HttpRequestMessage request, string cookie)
    {
        request.Headers.Add("Cookie", cookie);
        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, Func<HttpRequestMessage, HttpRequestMessage> with) =>
        client.SendAsync(with(new HttpRequestMessage(method, url)));
}
