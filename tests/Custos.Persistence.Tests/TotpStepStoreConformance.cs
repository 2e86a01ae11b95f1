using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Strategies.Totp;
using Custos.SelfService.Ui;

namespace Custos.Persistence.Tests;

/// <summary>TOTP replay protection and the per-flow key: every database accepts a time step once per identity, even under contention.</summary>
public abstract class TotpStepStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTime Now = new(2026, 7, 29, 10, 0, 0, DateTimeKind.Utc);

    private async Task<Guid> IdentityAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject(), CreatedAt = Now, UpdatedAt = Now };
        await new SqlIdentityStore(db).CreateAsync(identity, Ct);
        return identity.Id;
    }

    private async Task<bool> TryUseAsync(Guid identityId, long step)
    {
        await using var db = new DbSession(fixture.Factory);
        return await new SqlTotpStepStore(db).TryUseAsync(identityId, step, Now, Ct);
    }

    [SkippableFact]
    public async Task AStep_IsAcceptedOnce_AndNeverAfterALaterOne()
    {
        var identityId = await IdentityAsync();

        var first = await TryUseAsync(identityId, 1000);
        var again = await TryUseAsync(identityId, 1000);
        var later = await TryUseAsync(identityId, 1001);
        var earlier = await TryUseAsync(identityId, 1000);

        Assert.True(first);
        Assert.False(again);
        Assert.True(later);
        Assert.False(earlier);
    }

    [SkippableFact]
    public async Task Steps_AreCountedPerIdentity()
    {
        var one = await IdentityAsync();
        var other = await IdentityAsync();

        Assert.True(await TryUseAsync(one, 2000));
        Assert.True(await TryUseAsync(other, 2000));
    }

    [SkippableFact]
    public async Task Reset_SetsTheStep_EvenBackwards()
    {
        var identityId = await IdentityAsync();
        Assert.True(await TryUseAsync(identityId, 3000));

        await using (var db = new DbSession(fixture.Factory))
        {
            await new SqlTotpStepStore(db).ResetAsync(identityId, 2990, Now, Ct);
        }

        Assert.False(await TryUseAsync(identityId, 2990));
        Assert.True(await TryUseAsync(identityId, 2991));
    }

    [SkippableFact]
    public async Task FiftyParallelUses_OfOneStep_SucceedExactlyOnce()
    {
        var identityId = await IdentityAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => TryUseAsync(identityId, 4000))));

        Assert.Single(results, r => r);
    }

    [SkippableFact]
    public async Task DeletingTheIdentity_DeletesItsSteps()
    {
        var identityId = await IdentityAsync();
        Assert.True(await TryUseAsync(identityId, 5000));

        await using (var db = new DbSession(fixture.Factory))
        {
            var store = new SqlIdentityStore(db);
            await store.DeleteAsync(identityId, Ct);
            await store.CreateAsync(new Identity.Identity { Id = identityId, SchemaId = "default", Traits = new JsonObject(), CreatedAt = Now, UpdatedAt = Now }, Ct);
        }

        Assert.True(await TryUseAsync(identityId, 5000));
    }

    [SkippableFact]
    public async Task TheOfferedKey_IsStoredWithTheFlow_AndNeverSerialised()
    {
        var identityId = await IdentityAsync();
        var flow = new SettingsFlow
        {
            Id = Guid.NewGuid(), Type = "browser", RequestUrl = "http://localhost/self-service/settings/browser", IdentityId = identityId,
            Ui = new UiContainer { Action = "http://localhost/" }, IssuedAt = Now, ExpiresAt = Now.AddHours(1), CreatedAt = Now, UpdatedAt = Now,
        };
        const string url = "otpauth://totp/x:y?algorithm=SHA1&digits=6&issuer=x&period=30&secret=JBSWY3DPEHPK3PXP";
        TotpFlowContext.SetPendingUrl(flow, url);
        await using (var db = new DbSession(fixture.Factory))
        {
            await new SqlFlowStore(db).CreateAsync(flow, Ct);
        }

        SettingsFlow loaded;
        await using (var db = new DbSession(fixture.Factory))
        {
            loaded = (await new SqlFlowStore(db).GetAsync<SettingsFlow>(flow.Id, Ct))!;
        }

        var pending = TotpFlowContext.PendingUrl(loaded);
        var wire = loaded.ToJson().ToJsonString();
        TotpFlowContext.ClearPendingUrl(loaded);
        await using (var db = new DbSession(fixture.Factory))
        {
            await new SqlFlowStore(db).UpdateAsync(loaded, Ct);
        }

        await using var reread = new DbSession(fixture.Factory);
        var cleared = (await new SqlFlowStore(reread).GetAsync<SettingsFlow>(flow.Id, Ct))!;

        Assert.Equal(url, pending);
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", wire, StringComparison.Ordinal);
        Assert.Null(TotpFlowContext.PendingUrl(cleared));
    }
}

public sealed class SqliteTotpStepStoreTests(SqliteFixture fixture) : TotpStepStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresTotpStepStoreTests(PostgresFixture fixture) : TotpStepStoreConformance(fixture), IClassFixture<PostgresFixture>;
