using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;

namespace Custos.IntegrationTests.Sessions;

public sealed class AlternateSessionConfigTests(AlternateSessionConfigApp app) : IClassFixture<AlternateSessionConfigApp>
{
    [SkippableFact]
    public async Task RequiredAalAal1_LetsAnAal1SessionThrough_EvenWithASecondFactor()
    {
        var identityId = await app.NewIdentityAsync();
        await app.AddTotpAsync(identityId);
        var issued = await app.IssueSessionAsync(identityId);

        var response = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task Lifespan_SetsExpiry()
    {
        var issued = await app.NewSessionAsync();

        Assert.Equal(issued.Session.AuthenticatedAt.AddHours(2), issued.Session.ExpiresAt);
    }

    [SkippableFact]
    public async Task Extend_OutsideTheWindow_IsANoOp_InsideItExtends_AndAnswers204()
    {
        var issued = await app.NewSessionAsync();
        var admin = app.Admin();

        var early = await admin.PatchAsync($"/admin/sessions/{issued.Session.Id}/extend", null);
        var unchanged = await (await admin.GetAsync($"/admin/sessions/{issued.Session.Id}")).JsonAsync();
        app.ManualClock().Advance(TimeSpan.FromMinutes(90));
        var inWindow = await admin.PatchAsync($"/admin/sessions/{issued.Session.Id}/extend", null);
        var extended = await (await admin.GetAsync($"/admin/sessions/{issued.Session.Id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.NoContent, early.StatusCode);
        Assert.Equal(Custos.Hosting.KratosTime.Format(issued.Session.ExpiresAt), unchanged["expires_at"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, inWindow.StatusCode);
        Assert.Equal(Custos.Hosting.KratosTime.Format(issued.Session.ExpiresAt.AddMinutes(90)), extended["expires_at"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Cookie_UsesTheConfiguredNameAndAttributes_AndIsNotPersistent()
    {
        var issued = await app.NewSessionAsync();

        var cookie = app.CookieFor(issued);
        var response = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithCookie(cookie));

        Assert.StartsWith("my_session=", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task CacheableSessions_SendsCacheForCappedAtMaxAge()
    {
        var issued = await app.NewSessionAsync();

        var response = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));

        Assert.Equal("60", response.Headers.GetValues("Ory-Session-Cache-For").Single());
    }

    [SkippableFact]
    public async Task TokenizeAs_UnknownTemplate_Returns400()
    {
        var issued = await app.NewSessionAsync();

        var response = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami?tokenize_as=nope", r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Unable to find tokenizer template", (await response.JsonAsync())["error"]!["reason"]!.GetValue<string>());
    }
}
