using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Recovery;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.Persistence.Tests;

/// <summary>One-time codes and link tokens: every database consumes a secret at most once, even under contention.</summary>
public abstract class OneTimeSecretStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>An identity and a recovery flow the secret can belong to.</summary>
    private async Task<(Guid IdentityId, Guid FlowId)> OwnerAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        var now = Now();
        var identity = new Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject { ["email"] = $"{Guid.NewGuid():N}@example.com" }, CreatedAt = now, UpdatedAt = now };
        await new SqlIdentityStore(db).CreateAsync(identity, Ct);
        var flow = new RecoveryFlow { Id = Guid.NewGuid(), Type = "api", RequestUrl = "http://localhost/self-service/recovery/api", Ui = new UiContainer { Action = "http://localhost/" }, IssuedAt = now, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now };
        await new SqlFlowStore(db).CreateAsync(flow, Ct);
        return (identity.Id, flow.Id);
    }

    private async Task<T> WithStoreAsync<T>(Func<SqlOneTimeSecretStore, Task<T>> work)
    {
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlOneTimeSecretStore(db));
    }

    private static OneTimeSecret Secret(Guid identityId, Guid flowId, string hmac) => new()
    {
        Id = Guid.NewGuid(),
        Kind = OneTimeSecretKind.RecoveryCode,
        IdentityId = identityId,
        FlowId = flowId,
        SecretHmac = hmac,
        ExpiresAt = Now().AddMinutes(10),
        IssuedAt = Now(),
    };

    [SkippableFact]
    public async Task ASecret_IsUsedOnce_AndOnlyWithinItsFlow()
    {
        var (identityId, flowId) = await OwnerAsync();
        var hmac = Guid.NewGuid().ToString("N");
        await WithStoreAsync(async s => { await s.CreateAsync(Secret(identityId, flowId, hmac), Ct); return 0; });

        var otherFlow = await WithStoreAsync(s => s.UseAsync(OneTimeSecretKind.RecoveryCode, Guid.NewGuid(), [hmac], Now(), Ct));
        var wrongKind = await WithStoreAsync(s => s.UseAsync(OneTimeSecretKind.VerificationCode, flowId, [hmac], Now(), Ct));
        var first = await WithStoreAsync(s => s.UseAsync(OneTimeSecretKind.RecoveryCode, flowId, ["not-it", hmac], Now(), Ct));
        var second = await WithStoreAsync(s => s.UseAsync(OneTimeSecretKind.RecoveryCode, flowId, [hmac], Now(), Ct));

        Assert.Null(otherFlow);
        Assert.Null(wrongKind);
        Assert.NotNull(first);
        Assert.Equal(identityId, first.IdentityId);
        Assert.NotNull(first.UsedAt);
        Assert.Null(second);
    }

    [SkippableFact]
    public async Task DeletingTheFlowsSecrets_MakesThemUnusable()
    {
        var (identityId, flowId) = await OwnerAsync();
        var hmac = Guid.NewGuid().ToString("N");
        await WithStoreAsync(async s => { await s.CreateAsync(Secret(identityId, flowId, hmac), Ct); return 0; });

        await WithStoreAsync(async s => { await s.DeleteForFlowAsync(OneTimeSecretKind.RecoveryCode, flowId, Ct); return 0; });

        Assert.Null(await WithStoreAsync(s => s.UseAsync(OneTimeSecretKind.RecoveryCode, flowId, [hmac], Now(), Ct)));
    }

    [SkippableFact]
    public async Task ParallelUses_OfOneSecret_SucceedExactlyOnce()
    {
        var (identityId, flowId) = await OwnerAsync();
        var hmac = Guid.NewGuid().ToString("N");
        await WithStoreAsync(async s => { await s.CreateAsync(Secret(identityId, flowId, hmac), Ct); return 0; });

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            WithStoreAsync(s => s.UseAsync(OneTimeSecretKind.RecoveryCode, flowId, [hmac], Now(), Ct)))));

        Assert.Single(results, r => r is not null);
    }
}

public sealed class SqliteOneTimeSecretStoreTests(SqliteFixture fixture) : OneTimeSecretStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresOneTimeSecretStoreTests(PostgresFixture fixture) : OneTimeSecretStoreConformance(fixture), IClassFixture<PostgresFixture>;
