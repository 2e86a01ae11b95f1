using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Ui;

namespace Custos.Persistence.Tests;

/// <summary>A flow's strategy context (per-flow secrets) is stored with the flow and never serialised.</summary>
public abstract class FlowStrategyContextConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<T> WithStoreAsync<T>(Func<SqlFlowStore, Task<T>> work)
    {
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlFlowStore(db));
    }

    private async Task<SettingsFlow> NewFlowAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        var now = Hosting.Clock.Now(TimeProvider.System);
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject(), CreatedAt = now, UpdatedAt = now };
        await using (var db = new DbSession(fixture.Factory))
        {
            await new SqlIdentityStore(db).CreateAsync(identity, Ct);
        }

        return new SettingsFlow
        {
            Id = Guid.NewGuid(), Type = "browser", RequestUrl = "http://localhost/self-service/settings/browser",
            Ui = new UiContainer { Action = "http://localhost/" }, IdentityId = identity.Id,
            IssuedAt = now, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now,
        };
    }

    [SkippableFact]
    public async Task TheStrategyContext_RoundTrips_AndAnUpdateCanRemoveAKey()
    {
        var flow = await NewFlowAsync();
        flow.StrategyContext["lookup_secret_regenerated"] = new JsonArray("mac-1", "mac-2");
        flow.StrategyContext["lookup_secret_revealed"] = true;
        await WithStoreAsync(async s => { await s.CreateAsync(flow, Ct); return 0; });

        var loaded = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;
        var regenerated = loaded.StrategyContext["lookup_secret_regenerated"]?.ToJsonString();
        loaded.StrategyContext.Remove("lookup_secret_regenerated");
        await WithStoreAsync(async s => { await s.UpdateAsync(loaded, Ct); return 0; });
        var reloaded = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;

        Assert.Equal("""["mac-1","mac-2"]""", regenerated);
        Assert.False(reloaded.StrategyContext.ContainsKey("lookup_secret_regenerated"));
        Assert.True(reloaded.StrategyContext["lookup_secret_revealed"]!.GetValue<bool>());
        Assert.Equal(flow.IdentityId, reloaded.IdentityId);
    }

    [SkippableFact]
    public async Task AStaleCopy_CannotReopenAPassedFlow_ButThePassedFlowCanStillBeUpdated()
    {
        var flow = await NewFlowAsync();
        flow.State = "sent_email";
        await WithStoreAsync(async s => { await s.CreateAsync(flow, Ct); return 0; });
        var winner = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;
        var loser = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;

        Assert.True(await WithStoreAsync(s => s.TryMarkPassedAsync(winner, Ct)));
        loser.Ui.Messages.Add(new UiText(4000001, "stale", "error"));
        await WithStoreAsync(async s => { await s.UpdateAsync(loser, Ct); return 0; });
        var afterStale = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;
        winner.Ui.Messages.Add(new UiText(4010002, "passed", "error"));
        await WithStoreAsync(async s => { await s.UpdateAsync(winner, Ct); return 0; });
        var afterWinner = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;

        Assert.Equal("passed_challenge", afterStale.State);
        Assert.Empty(afterStale.Ui.Messages);
        Assert.Equal("passed_challenge", afterWinner.State);
        Assert.Equal(4010002, Assert.Single(afterWinner.Ui.Messages).Id);
    }

    [SkippableFact]
    public async Task TheStrategyContext_IsNeverInTheFlowsJson()
    {
        var flow = await NewFlowAsync();
        flow.StrategyContext["lookup_secret_regenerated"] = new JsonArray("secret-mac");
        await WithStoreAsync(async s => { await s.CreateAsync(flow, Ct); return 0; });

        var loaded = (await WithStoreAsync(s => s.GetAsync<SettingsFlow>(flow.Id, Ct)))!;

        Assert.Equal("""["secret-mac"]""", loaded.StrategyContext["lookup_secret_regenerated"]!.ToJsonString());
        Assert.DoesNotContain("secret-mac", loaded.ToJson().ToJsonString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteFlowStrategyContextTests(SqliteFixture fixture) : FlowStrategyContextConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresFlowStrategyContextTests(PostgresFixture fixture) : FlowStrategyContextConformance(fixture), IClassFixture<PostgresFixture>;
