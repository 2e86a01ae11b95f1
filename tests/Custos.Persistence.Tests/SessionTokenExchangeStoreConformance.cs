using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Strategies.Oidc.TokenExchange;
using Custos.Sessions;

namespace Custos.Persistence.Tests;

/// <summary>
/// The session token exchange store on every database: codes are matched by digest, only a completed exchange is
/// redeemed, and it is redeemed once, even by fifty callers at the same time.
/// </summary>
public abstract class SessionTokenExchangeStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 12, 7, 14, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LongAgo = Now.AddDays(-1);

    private async Task<T> WithStoreAsync<T>(Func<SqlSessionTokenExchangeStore, Task<T>> work)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        return await db.RunInTransactionAsync(_ => work(new SqlSessionTokenExchangeStore(db)), Ct);
    }

    private async Task<Guid> SessionAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject(), CreatedAt = Now, UpdatedAt = Now };
        await new SqlIdentityStore(db).CreateAsync(identity, Ct);
        var session = new Session
        {
            Id = Guid.NewGuid(), IdentityId = identity.Id, Active = true, AuthenticatedAt = Now, IssuedAt = Now, ExpiresAt = Now.AddDays(1),
            CreatedAt = Now, UpdatedAt = Now,
        };
        await new SqlSessionStore(db, TimeProvider.System).CreateAsync(session, SessionTokens.Hash(SessionTokens.NewSessionToken()), SessionTokens.Hash(SessionTokens.NewLogoutToken()), Ct);
        return session.Id;
    }

    private Task<SessionTokenExchanger> CreateAsync(Guid flowId, string initHash, DateTime? at = null) => WithStoreAsync(async s =>
    {
        var row = new SessionTokenExchanger
        {
            Id = Guid.NewGuid(), FlowId = flowId, InitCodeHash = initHash, ReturnToCodeHash = "", CreatedAt = at ?? Now, UpdatedAt = at ?? Now,
        };
        await s.CreateAsync(row, Ct);
        return row;
    });

    private static string Digest() => SessionTokens.Hash(SessionTokens.RandomAlphanumerics(64));

    [SkippableFact]
    public async Task AnExchange_IsFoundByItsFlow_AndAnUnknownFlowHasNone()
    {
        var flowId = Guid.NewGuid();
        var created = await CreateAsync(flowId, Digest());

        var found = await WithStoreAsync(s => s.FindByFlowAsync(flowId, Ct));
        var none = await WithStoreAsync(s => s.FindByFlowAsync(Guid.NewGuid(), Ct));

        Assert.Equal(created, found);
        Assert.Null(found!.SessionId);
        Assert.Null(none);
    }

    [SkippableFact]
    public async Task ACompletedExchange_IsRedeemedOnce_WithItsSession()
    {
        var flowId = Guid.NewGuid();
        var init = Digest();
        var back = Digest();
        var sessionId = await SessionAsync();
        await CreateAsync(flowId, init);
        Assert.True(await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, back, sessionId, Now, Ct)));

        var first = await WithStoreAsync(s => s.RedeemAsync(init, back, LongAgo, Ct));
        var second = await WithStoreAsync(s => s.RedeemAsync(init, back, LongAgo, Ct));

        Assert.Equal(sessionId, first!.SessionId);
        Assert.Equal(flowId, first.FlowId);
        Assert.Null(second);
        Assert.Null(await WithStoreAsync(s => s.FindByFlowAsync(flowId, Ct)));
    }

    [SkippableFact]
    public async Task APendingExchange_IsFound_ButNotRedeemed()
    {
        var flowId = Guid.NewGuid();
        var init = Digest();
        var back = Digest();
        await CreateAsync(flowId, init);
        var beforeAnyCode = await WithStoreAsync(s => s.FindAsync(init, "", LongAgo, Ct));
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, back, null, Now, Ct));

        var redeemed = await WithStoreAsync(s => s.RedeemAsync(init, back, LongAgo, Ct));
        var pending = await WithStoreAsync(s => s.FindAsync(init, back, LongAgo, Ct));

        Assert.Null(beforeAnyCode);
        Assert.Null(redeemed);
        Assert.Equal(flowId, pending!.FlowId);
        Assert.Null(pending.SessionId);
    }

    [SkippableFact]
    public async Task WrongOrSwappedDigests_MatchNothing()
    {
        var flowId = Guid.NewGuid();
        var init = Digest();
        var back = Digest();
        await CreateAsync(flowId, init);
        var sessionId = await SessionAsync();
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, back, sessionId, Now, Ct));

        Assert.Null(await WithStoreAsync(s => s.RedeemAsync(init, Digest(), LongAgo, Ct)));
        Assert.Null(await WithStoreAsync(s => s.RedeemAsync(Digest(), back, LongAgo, Ct)));
        Assert.Null(await WithStoreAsync(s => s.RedeemAsync(back, init, LongAgo, Ct)));
        Assert.Null(await WithStoreAsync(s => s.FindAsync(init, Digest(), LongAgo, Ct)));
        Assert.NotNull(await WithStoreAsync(s => s.RedeemAsync(init, back, LongAgo, Ct)));
    }

    [SkippableFact]
    public async Task AnotherReturnToCode_ReplacesTheFirst()
    {
        var flowId = Guid.NewGuid();
        var init = Digest();
        var first = Digest();
        var second = Digest();
        await CreateAsync(flowId, init);
        var sessionId = await SessionAsync();
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, first, null, Now, Ct));
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, second, sessionId, Now, Ct));

        Assert.Null(await WithStoreAsync(s => s.RedeemAsync(init, first, LongAgo, Ct)));
        Assert.Equal(sessionId, (await WithStoreAsync(s => s.RedeemAsync(init, second, LongAgo, Ct)))!.SessionId);
    }

    [SkippableFact]
    public async Task CompletingAFlowWithoutExchange_ChangesNothing()
    {
        var sessionId = await SessionAsync();

        var updated = await WithStoreAsync(s => s.SetReturnToCodeAsync(Guid.NewGuid(), Digest(), sessionId, Now, Ct));
        var moved = await WithStoreAsync(s => s.MoveAsync(Guid.NewGuid(), Guid.NewGuid(), Now, Ct));

        Assert.False(updated);
        Assert.False(moved);
    }

    [SkippableFact]
    public async Task AMovedExchange_BelongsToTheNewFlow()
    {
        var loginFlow = Guid.NewGuid();
        var registrationFlow = Guid.NewGuid();
        var init = Digest();
        var back = Digest();
        await CreateAsync(loginFlow, init);
        var sessionId = await SessionAsync();

        Assert.True(await WithStoreAsync(s => s.MoveAsync(loginFlow, registrationFlow, Now, Ct)));
        await WithStoreAsync(s => s.SetReturnToCodeAsync(registrationFlow, back, sessionId, Now, Ct));

        Assert.Null(await WithStoreAsync(s => s.FindByFlowAsync(loginFlow, Ct)));
        Assert.Equal(registrationFlow, (await WithStoreAsync(s => s.RedeemAsync(init, back, LongAgo, Ct)))!.FlowId);
    }

    [SkippableFact]
    public async Task AnExchangeCreatedBeforeTheCutoff_IsNeitherRedeemedNorKept()
    {
        var flowId = Guid.NewGuid();
        var init = Digest();
        var back = Digest();
        await CreateAsync(flowId, init, Now.AddHours(-2));
        var sessionId = await SessionAsync();
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, back, sessionId, Now, Ct));
        var cutoff = Now.AddHours(-1);

        var redeemed = await WithStoreAsync(s => s.RedeemAsync(init, back, cutoff, Ct));
        var pending = await WithStoreAsync(s => s.FindAsync(init, back, cutoff, Ct));
        var deleted = await WithStoreAsync(s => s.DeleteCreatedBeforeAsync(cutoff, Ct));

        Assert.Null(redeemed);
        Assert.Null(pending);
        Assert.True(deleted >= 1);
        Assert.Null(await WithStoreAsync(s => s.FindByFlowAsync(flowId, Ct)));
    }

    [SkippableFact]
    public async Task DeletingTheSession_DeletesItsExchange()
    {
        var flowId = Guid.NewGuid();
        await CreateAsync(flowId, Digest());
        var sessionId = await SessionAsync();
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, Digest(), sessionId, Now, Ct));

        await using (var db = new DbSession(fixture.Factory))
        {
            var session = await new SqlSessionStore(db, TimeProvider.System).GetAsync(sessionId, withIdentity: false, Ct);
            await new SqlIdentityStore(db).DeleteAsync(session!.IdentityId, Ct);
        }

        Assert.Null(await WithStoreAsync(s => s.FindByFlowAsync(flowId, Ct)));
    }

    [SkippableFact]
    public async Task FiftyParallelRedeems_OfOneExchange_SucceedExactlyOnce()
    {
        var flowId = Guid.NewGuid();
        var init = Digest();
        var back = Digest();
        await CreateAsync(flowId, init);
        var sessionId = await SessionAsync();
        await WithStoreAsync(s => s.SetReturnToCodeAsync(flowId, back, sessionId, Now, Ct));

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => WithStoreAsync(s => s.RedeemAsync(init, back, LongAgo, Ct)))));

        Assert.Single(results, r => r is not null);
    }

    [SkippableFact]
    public async Task ReplacingASessionToken_MakesTheNewTokenFindIt()
    {
        var sessionId = await SessionAsync();
        var token = SessionTokens.NewSessionToken();
        await using var db = new DbSession(fixture.Factory);
        var sessions = new SqlSessionStore(db, TimeProvider.System);

        var replaced = await sessions.ReplaceTokenAsync(sessionId, SessionTokens.Hash(token), Ct);
        var unknown = await sessions.ReplaceTokenAsync(Guid.NewGuid(), SessionTokens.Hash(SessionTokens.NewSessionToken()), Ct);

        Assert.True(replaced);
        Assert.False(unknown);
        Assert.Equal(sessionId, (await sessions.GetByTokenHashAsync(SessionTokens.Hash(token), Ct))!.Id);
    }
}

public sealed class SqliteSessionTokenExchangeStoreTests(SqliteFixture fixture) : SessionTokenExchangeStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSessionTokenExchangeStoreTests(PostgresFixture fixture) : SessionTokenExchangeStoreConformance(fixture), IClassFixture<PostgresFixture>;
