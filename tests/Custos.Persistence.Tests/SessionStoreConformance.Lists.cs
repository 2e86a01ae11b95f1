using Custos.Sessions;

namespace Custos.Persistence.Tests;

public abstract partial class SessionStoreConformance
{
    [SkippableFact]
    public async Task Revoke_KeepsTheRow_AndHonoursTheOwner()
    {
        var owner = await NewIdentityAsync();
        var stranger = await NewIdentityAsync();
        var (session, _, _) = await InsertAsync(NewSession(owner.Id));

        var byStranger = await WithStoreAsync(s => s.RevokeAsync(session.Id, stranger.Id, Ct));
        var stillActive = await WithStoreAsync(s => s.GetAsync(session.Id, false, Ct));
        var byOwner = await WithStoreAsync(s => s.RevokeAsync(session.Id, owner.Id, Ct));
        var revoked = await WithStoreAsync(s => s.GetAsync(session.Id, false, Ct));
        var unknown = await WithStoreAsync(s => s.RevokeAsync(Guid.NewGuid(), null, Ct));

        Assert.False(byStranger);
        Assert.True(stillActive!.Active);
        Assert.True(byOwner);
        Assert.False(revoked!.Active);
        Assert.False(unknown);
    }

    [SkippableFact]
    public async Task RevokeOthers_RevokesAllButOne_AndCountsOnlyActiveOnes()
    {
        var identity = await NewIdentityAsync();
        var other = await NewIdentityAsync();
        var (current, _, _) = await InsertAsync(NewSession(identity.Id));
        await InsertAsync(NewSession(identity.Id));
        await InsertAsync(NewSession(identity.Id));
        var (alreadyRevoked, _, _) = await InsertAsync(NewSession(identity.Id));
        var (foreign, _, _) = await InsertAsync(NewSession(other.Id));
        await WithStoreAsync(s => s.RevokeAsync(alreadyRevoked.Id, null, Ct));

        var count = await WithStoreAsync(s => s.RevokeOthersAsync(identity.Id, current.Id, Ct));
        var remaining = await WithStoreAsync(s => s.ListByIdentityAsync(new IdentitySessionsQuery(identity.Id, Now()) { Active = true }, Ct));

        Assert.Equal(2, count);
        Assert.Equal([current.Id], remaining.Select(s => s.Id));
        Assert.True((await WithStoreAsync(s => s.GetAsync(foreign.Id, false, Ct)))!.Active);
    }

    [SkippableFact]
    public async Task ListByIdentity_FiltersPagesAndCounts()
    {
        var identity = await NewIdentityAsync();
        var start = Now();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await InsertAsync(NewSession(identity.Id, start.AddSeconds(i)))).Session.Id);
        }

        var (expired, _, _) = await InsertAsync(NewSession(identity.Id, start.AddSeconds(10), TimeSpan.FromSeconds(-20)));
        var (revoked, _, _) = await InsertAsync(NewSession(identity.Id, start.AddSeconds(11)));
        await WithStoreAsync(s => s.RevokeAsync(revoked.Id, null, Ct));
        var now = Now();
        var active = new IdentitySessionsQuery(identity.Id, now) { Active = true, ExceptSessionId = ids[3] };

        var firstPage = await WithStoreAsync(s => s.ListByIdentityAsync(active with { Limit = 2 }, Ct));
        var secondPage = await WithStoreAsync(s => s.ListByIdentityAsync(active with { Limit = 2, Offset = 2 }, Ct));
        var activeCount = await WithStoreAsync(s => s.CountByIdentityAsync(active, Ct));
        var inactive = await WithStoreAsync(s => s.ListByIdentityAsync(new IdentitySessionsQuery(identity.Id, now) { Active = false }, Ct));
        var all = await WithStoreAsync(s => s.CountByIdentityAsync(new IdentitySessionsQuery(identity.Id, now), Ct));

        Assert.Equal([ids[2], ids[1]], firstPage.Select(s => s.Id));
        Assert.Equal([ids[0]], secondPage.Select(s => s.Id));
        Assert.Equal(3, activeCount);
        Assert.Equal([revoked.Id, expired.Id], inactive.Select(s => s.Id));
        Assert.Equal(6, all);
        Assert.All(firstPage, s => Assert.Same(firstPage[0].Identity, s.Identity));
        Assert.Single(firstPage[0].Identity!.VerifiableAddresses);
    }

    [SkippableFact]
    public async Task List_KeysetPagination_WalksNewestFirst()
    {
        var identity = await NewIdentityAsync();
        var sameTime = Now().AddDays(365);
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await InsertAsync(NewSession(identity.Id, sameTime.AddSeconds(i % 2)))).Session.Id);
        }

        var seen = new List<Session>();
        SessionCursor? after = null;
        while (true)
        {
            var query = new SessionListQuery(Now()) { PageSize = 2, After = after };
            var page = await WithStoreAsync(s => s.ListAsync(query, Ct));
            seen.AddRange(page);
            if (page.Count < 2)
            {
                break;
            }

            after = new SessionCursor(page[^1].CreatedAt, page[^1].Id);
        }

        Assert.Equal(seen.Count, seen.Select(s => s.Id).Distinct().Count());
        Assert.Subset(seen.Select(s => s.Id).ToHashSet(), created.ToHashSet());
        Assert.Equal(created.ToHashSet(), seen.Take(5).Select(s => s.Id).ToHashSet());
        Assert.Equal(
            seen.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id.ToString()).Select(s => s.Id),
            seen.Select(s => s.Id));
        Assert.All(seen, s => Assert.Null(s.Identity));
    }

    [SkippableFact]
    public async Task List_ActiveFilterAndIdentityExpansion()
    {
        var identity = await NewIdentityAsync();
        var future = Now().AddDays(400);
        var (kept, _, _) = await InsertAsync(NewSession(identity.Id, future));
        var (revoked, _, _) = await InsertAsync(NewSession(identity.Id, future.AddSeconds(1)));
        await WithStoreAsync(s => s.RevokeAsync(revoked.Id, null, Ct));

        var active = await WithStoreAsync(s => s.ListAsync(new SessionListQuery(future.AddSeconds(-1)) { PageSize = 1000, Active = true, WithIdentity = true }, Ct));
        var inactive = await WithStoreAsync(s => s.ListAsync(new SessionListQuery(future.AddSeconds(-1)) { PageSize = 1000, Active = false }, Ct));

        Assert.Contains(active, s => s.Id == kept.Id && s.Identity?.Id == identity.Id);
        Assert.DoesNotContain(active, s => s.Id == revoked.Id);
        Assert.Contains(inactive, s => s.Id == revoked.Id);
        Assert.DoesNotContain(inactive, s => s.Id == kept.Id);
    }

    [SkippableFact]
    public async Task DeleteByIdentity_HardDeletes()
    {
        var identity = await NewIdentityAsync();
        var (session, _, _) = await InsertAsync(NewSession(identity.Id));
        await InsertAsync(NewSession(identity.Id));

        var deleted = await WithStoreAsync(s => s.DeleteByIdentityAsync(identity.Id, Ct));
        var again = await WithStoreAsync(s => s.DeleteByIdentityAsync(identity.Id, Ct));

        Assert.Equal(2, deleted);
        Assert.Equal(0, again);
        Assert.Null(await WithStoreAsync(s => s.GetAsync(session.Id, false, Ct)));
    }

    [SkippableFact]
    public async Task DeletingTheIdentity_DeletesItsSessions()
    {
        var identity = await NewIdentityAsync();
        var (session, token, _) = await InsertAsync(NewSession(identity.Id));

        await WithStoreAsync((_, identities) => identities.DeleteAsync(identity.Id, Ct));

        Assert.Null(await WithStoreAsync(s => s.GetAsync(session.Id, false, Ct)));
        Assert.Null(await WithStoreAsync(s => s.GetByTokenHashAsync(SessionTokens.Hash(token), Ct)));
    }
}
