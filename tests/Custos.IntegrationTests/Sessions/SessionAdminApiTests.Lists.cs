using System.Net;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions;

public abstract partial class SessionAdminApiTests<TFactory>
{
    [SkippableFact]
    public async Task List_WalksAllSessionsNewestFirst_ThroughOpaqueTokens()
    {
        var identityId = await app.NewIdentityAsync();
        app.ManualClock().Advance(TimeSpan.FromDays(30));
        var mine = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            app.ManualClock().Advance(TimeSpan.FromSeconds(1));
            mine.Insert(0, (await app.IssueSessionAsync(identityId)).Session.Id.ToString());
        }

        var response = await app.Admin().GetAsync("/admin/sessions?page_size=2");
        var first = (await response.JsonAsync()).AsArray();
        var link = response.Headers.GetValues("Link").Single();
        var next = Regex.Match(link, "<http://localhost:4434(?<url>[^>]+)>; rel=\"next\"").Groups["url"].Value;
        var second = (await (await app.Admin().GetAsync(next)).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<http://localhost:4434/admin/sessions?page_size=2>; rel=\"first\"", link, StringComparison.Ordinal);
        Assert.Equal(mine, first.Concat(second).Take(3).Select(s => s!["id"]!.GetValue<string>()));
        Assert.All(first, s => Assert.Null(s!["identity"]));
        Assert.All(first, s => Assert.Null(s!["devices"]));
    }

    [SkippableFact]
    public async Task List_ActiveFilterAndExpand()
    {
        var identityId = await app.NewIdentityAsync();
        var active = await app.IssueSessionAsync(identityId);
        var revoked = await app.IssueSessionAsync(identityId);
        await app.RevokeAsync(revoked.Session.Id);

        var activeOnly = (await (await app.Admin().GetAsync("/admin/sessions?page_size=1000&active=true&expand=identity")).JsonAsync()).AsArray();
        var inactiveOnly = (await (await app.Admin().GetAsync("/admin/sessions?page_size=1000&active=false")).JsonAsync()).AsArray();

        var listed = Assert.Single(activeOnly, s => s!["id"]!.GetValue<string>() == active.Session.Id.ToString());
        Assert.Equal(identityId.ToString(), listed!["identity"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(activeOnly, s => s!["id"]!.GetValue<string>() == revoked.Session.Id.ToString());
        Assert.All(activeOnly, s => Assert.True(s!["active"]!.GetValue<bool>()));
        Assert.Contains(inactiveOnly, s => s!["id"]!.GetValue<string>() == revoked.Session.Id.ToString());
        Assert.All(inactiveOnly, s => Assert.False(s!["active"]!.GetValue<bool>()));
    }

    [SkippableTheory]
    [InlineData("active=maybe")]
    [InlineData("page_size=0")]
    [InlineData("page_size=1001")]
    [InlineData("page_size=abc")]
    [InlineData("expand=credentials")]
    [InlineData("page_token=crafted")]
    public async Task List_BadParameters_Return400(string query)
    {
        var response = await app.Admin().GetAsync($"/admin/sessions?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task IdentitySessions_ListsExpandedWithTotalAndActiveFilter()
    {
        var identityId = await app.NewIdentityAsync();
        await app.IssueSessionAsync(identityId);
        var revoked = await app.IssueSessionAsync(identityId);
        await app.RevokeAsync(revoked.Session.Id);
        await app.NewSessionAsync();

        var all = await app.Admin().GetAsync($"/admin/identities/{identityId}/sessions");
        var allBody = (await all.JsonAsync()).AsArray();
        var inactive = (await (await app.Admin().GetAsync($"/admin/identities/{identityId}/sessions?active=false")).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("2", all.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(2, allBody.Count);
        Assert.All(allBody, s => Assert.True(s!["identity"]!.AsObject().ContainsKey("metadata_admin")));
        Assert.All(allBody, s => Assert.NotNull(s!["devices"]));
        Assert.Equal(revoked.Session.Id.ToString(), Assert.Single(inactive)!["id"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task IdentitySessions_BadUuid_Returns400()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Admin().GetAsync("/admin/identities/nope/sessions")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Admin().DeleteAsync("/admin/identities/nope/sessions")).StatusCode);
    }

    [SkippableFact]
    public async Task DeleteIdentitySessions_HardDeletes_ThenAnswers404()
    {
        var issued = await app.NewSessionAsync();
        var admin = app.Admin();

        var first = await admin.DeleteAsync($"/admin/identities/{issued.Session.IdentityId}/sessions");
        var second = await admin.DeleteAsync($"/admin/identities/{issued.Session.IdentityId}/sessions");
        var get = await admin.GetAsync($"/admin/sessions/{issued.Session.Id}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [SkippableFact]
    public async Task DeletingTheIdentity_DeletesItsSessions()
    {
        var issued = await app.NewSessionAsync();
        var admin = app.Admin();

        var deleted = await admin.DeleteAsync($"/admin/identities/{issued.Session.IdentityId}");
        var get = await admin.GetAsync($"/admin/sessions/{issued.Session.Id}");
        var whoami = await app.PublicClient().SendAsync(HttpMethod.Get, "/sessions/whoami", r => r.WithToken(issued.Token));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }
}
