using Custos.Config;
using Custos.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Custos.UnitTests.Sessions;

public sealed class SessionCookieTests
{
    private const string SecretA = "a-first-cookie-secret-of-32-chars";
    private const string SecretB = "another-cookie-secret-32-chars-xx";

    private readonly CustosOptions _options = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingLogger<SessionCookie> _log = new();

    private SessionCookie Cookie(params string[] secrets)
    {
        _options.Secrets.Cookie = [.. secrets];
        return new SessionCookie(new FixedOptionsMonitor(_options), _clock, _log);
    }

    private static readonly SessionCookieValue Value = new("ory_st_0123456789abcdefghijABCDEFGHIJ01", new DateTime(2026, 3, 2, 12, 0, 0, 123, DateTimeKind.Utc));

    [Fact]
    public void Seal_ThenOpen_RoundTrips()
    {
        var cookie = Cookie(SecretA);

        var opened = cookie.Open(cookie.Seal(Value));

        Assert.Equal(Value, opened);
    }

    [Fact]
    public void Sealed_IsOpaque_AndFreshEachTime()
    {
        var cookie = Cookie(SecretA);

        var first = cookie.Seal(Value);
        var second = cookie.Seal(Value);

        Assert.DoesNotContain("ory_st_", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Tampered_DoesNotOpen()
    {
        var cookie = Cookie(SecretA);
        var bytes = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(cookie.Seal(Value));

        for (var i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x01;
            Assert.Null(cookie.Open(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(copy)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64 !!")]
    [InlineData("AQ")]
    [InlineData("ory_st_0123456789abcdefghijABCDEFGHIJ01")]
    public void Garbage_DoesNotOpen(string value)
    {
        Assert.Null(Cookie(SecretA).Open(value));
    }

    [Fact]
    public void Rotation_OldSecretStillOpens_NewSecretSeals()
    {
        var sealedWithA = Cookie(SecretA).Seal(Value);

        var rotated = Cookie(SecretB, SecretA);
        var sealedAfterRotation = rotated.Seal(Value);

        Assert.Equal(Value, rotated.Open(sealedWithA));
        Assert.Equal(Value, Cookie(SecretB).Open(sealedAfterRotation));
        Assert.Null(Cookie(SecretA).Open(sealedAfterRotation));
    }

    [Fact]
    public void RemovedSecret_NoLongerOpens()
    {
        var sealedWithA = Cookie(SecretA).Seal(Value);

        Assert.Null(Cookie(SecretB).Open(sealedWithA));
    }

    [Fact]
    public void DefaultSecrets_AreUsedWhenNoCookieSecrets()
    {
        _options.Secrets.Default = [SecretA];
        var sealedWithDefault = Cookie().Seal(Value);

        Assert.Equal(Value, Cookie(SecretA).Open(sealedWithDefault));
    }

    [Fact]
    public void NoSecret_UsesOneRandomProcessSecret_AndWarnsOnce()
    {
        var cookie = Cookie();

        var opened = cookie.Open(cookie.Seal(Value));
        cookie.Seal(Value);

        Assert.Equal(Value, opened);
        Assert.Single(_log.Entries, e => e.Level == LogLevel.Warning && e.Id.Id == 3000);
        Assert.Null(Cookie().Open(cookie.Seal(Value)));
    }

    [Fact]
    public void Write_SetsKratosAttributes_WithMaxAgeUntilExpiry()
    {
        _options.Session.Cookie.Domain = "example.com";
        _options.Session.Cookie.Path = "/app";
        _options.Session.Cookie.SameSite = CookieSameSite.Strict;
        _options.Session.Cookie.Secure = true;
        var context = new DefaultHttpContext();

        Cookie(SecretA).Write(context, Value.SessionToken, _clock.GetUtcNow().UtcDateTime.AddHours(2));

        var header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("ory_kratos_session=", header, StringComparison.Ordinal);
        Assert.Contains("max-age=7200", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("domain=example.com", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/app", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Write_NotPersistent_IsABrowserSessionCookie()
    {
        _options.Session.Cookie.Persistent = false;
        _options.Session.Cookie.Secure = false;
        var context = new DefaultHttpContext();

        Cookie(SecretA).Write(context, Value.SessionToken, Value.ExpiresAt);

        var header = context.Response.Headers.SetCookie.ToString();
        Assert.DoesNotContain("max-age", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Written_IsReadBack()
    {
        var cookie = Cookie(SecretA);
        var response = new DefaultHttpContext();
        cookie.Write(response, Value.SessionToken, Value.ExpiresAt);
        var request = new DefaultHttpContext();
        request.Request.Headers.Cookie = response.Response.Headers.SetCookie.ToString().Split(';')[0];

        var read = cookie.Read(request);

        Assert.Equal(Value, read);
    }

    [Fact]
    public void Delete_ExpiresTheCookie()
    {
        var context = new DefaultHttpContext();

        Cookie(SecretA).Delete(context);

        var header = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("ory_kratos_session=;", header, StringComparison.Ordinal);
        Assert.Contains("max-age=0", header, StringComparison.OrdinalIgnoreCase);
    }
}
