using System.Net;
using System.Text.Json.Nodes;
using Custos.Audit;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Audit;

/// <summary><c>GET /admin/audit-events</c>: the event JSON, its filters, keyset pages with a <c>Link</c> header, and 400s.</summary>
public sealed class AuditEventsEndpointTests(AuditAppFactory app) : IClassFixture<AuditAppFactory>
{
    private async Task<List<AuditEvent>> AppendForAsync(Guid identityId, int count, string type = AuditEventTypes.LoginSucceeded)
    {
        var events = new List<AuditEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await app.AppendAsync(new AuditEntry(type, identityId, Details: new JsonObject { ["method"] = "password", ["n"] = i })));
            app.ManualClock.Advance(TimeSpan.FromMinutes(1));
        }

        return events;
    }

    private static Dictionary<string, string> Links(HttpResponseMessage response) =>
        string.Join(",", response.Headers.GetValues("Link")).Split(',')
            .Select(part => part.Split(';'))
            .ToDictionary(p => p[1].Trim()[5..^1], p => p[0].Trim()[1..^1]);

    [Fact]
    public async Task AnEvent_HasTheDocumentedShape()
    {
        var identityId = Guid.NewGuid();
        var sessionId = Guid.NewGuid();
        var appended = await app.AppendAsync(new AuditEntry(AuditEventTypes.SettingsUpdated, identityId, sessionId, new JsonObject { ["method"] = "profile" }));

        var response = await app.Admin().GetAsync($"/admin/audit-events?identity_id={identityId}");
        var item = Assert.Single((await response.JsonAsync()).AsArray())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new[] { "id", "type", "occurred_at", "actor", "identity_id", "session_id", "ip_address", "user_agent", "details" },
            item.AsObject().Select(p => p.Key));
        Assert.Equal(appended.Id.ToString("D"), item["id"]!.GetValue<string>());
        Assert.Equal("settings.updated", item["type"]!.GetValue<string>());
        Assert.Equal("2026-12-01T08:00:00Z"[..16], item["occurred_at"]!.GetValue<string>()[..16]);
        Assert.Equal("identity", item["actor"]!["kind"]!.GetValue<string>());
        Assert.Equal(identityId.ToString("D"), item["actor"]!["id"]!.GetValue<string>());
        Assert.Equal(sessionId.ToString("D"), item["session_id"]!.GetValue<string>());
        Assert.Equal("""{"method":"profile"}""", item["details"]!.ToJsonString());
    }

    [Fact]
    public async Task Filters_TypeAndTimeWindow_Combine()
    {
        var identityId = Guid.NewGuid();
        var logins = await AppendForAsync(identityId, 3);
        var failed = await AppendForAsync(identityId, 1, AuditEventTypes.LoginFailed);
        var since = Uri.EscapeDataString(KratosTimeOf(logins[1].OccurredAt));
        var until = Uri.EscapeDataString(KratosTimeOf(failed[0].OccurredAt));

        var byType = (await (await app.Admin().GetAsync($"/admin/audit-events?identity_id={identityId}&type=login.failed")).JsonAsync()).AsArray();
        var window = (await (await app.Admin().GetAsync($"/admin/audit-events?identity_id={identityId}&since={since}&until={until}")).JsonAsync()).AsArray();
        var both = (await (await app.Admin().GetAsync($"/admin/audit-events?identity_id={identityId}&type=login.failed&type=login.succeeded&since={since}")).JsonAsync()).AsArray();

        Assert.Equal(failed[0].Id.ToString("D"), Assert.Single(byType)!["id"]!.GetValue<string>());
        Assert.Equal([logins[1].Id, logins[2].Id], window.Select(e => Guid.Parse(e!["id"]!.GetValue<string>())));
        Assert.Equal([logins[1].Id, logins[2].Id, failed[0].Id], both.Select(e => Guid.Parse(e!["id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Pages_FollowTheNextLink_OldestFirst_KeepingTheFilters()
    {
        var identityId = Guid.NewGuid();
        var events = await AppendForAsync(identityId, 5);
        await AppendForAsync(Guid.NewGuid(), 2);

        var seen = new List<Guid>();
        var url = $"/admin/audit-events?identity_id={identityId}&page_size=2";
        var pages = new List<Dictionary<string, string>>();
        while (url is not null)
        {
            var response = await app.Admin().GetAsync(url);
            seen.AddRange((await response.JsonAsync()).AsArray().Select(e => Guid.Parse(e!["id"]!.GetValue<string>())));
            var links = Links(response);
            pages.Add(links);
            url = links.TryGetValue("next", out var next) ? new Uri(next).PathAndQuery : null;
        }

        Assert.Equal(events.Select(e => e.Id), seen);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, links => Assert.Contains($"identity_id={identityId}", links["first"], StringComparison.Ordinal));
        Assert.StartsWith("http://localhost:4434/admin/audit-events?page_size=2&page_token=", pages[0]["next"], StringComparison.Ordinal);
        Assert.Contains($"identity_id={identityId}", pages[0]["next"], StringComparison.Ordinal);
        Assert.False(pages[^1].ContainsKey("next"));
    }

    [Fact]
    public async Task DefaultPageSize_Is250()
    {
        var response = await app.Admin().GetAsync($"/admin/audit-events?identity_id={Guid.NewGuid()}");

        Assert.Contains("page_size=250&", Links(response)["first"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-12-07", "until")]
    [InlineData("since=2026-12-07T10:00:00", "since")]
    [InlineData("since=2026-12-07T10:00:00Z&until=2026-12-07T09:00:00Z", "until")]
    [InlineData("identity_id=not-a-uuid", "identity_id")]
    [InlineData("page_size=0", "between 1 and 1000")]
    [InlineData("page_size=1001", "between 1 and 1000")]
    [InlineData("page_size=ten", "between 1 and 1000")]
    [InlineData("page_token=abc", "page token")]
    [InlineData("page_token=-1", "page token")]
    [InlineData("type=", "type")]
    public async Task BadParameters_Answer400_InKratosEnvelope(string query, string named)
    {
        var response = await app.Admin().GetAsync("/admin/audit-events?" + query);
        var error = (await response.JsonAsync())["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, error["code"]!.GetValue<int>());
        Assert.Contains(named, error["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnThePublicPort_TheRoute_RedirectsToTheAdminListener()
    {
        var response = await app.Public().GetAsync("/admin/audit-events");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.StartsWith("http://localhost:4434/admin/audit-events", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static string KratosTimeOf(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
