using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Strategies.LookupSecret;
using Custos.SelfService.Ui;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Custos.Persistence.Tests;

/// <summary>Backup codes on every database: stored as MACs only, each one usable once, even under contention.</summary>
public abstract class LookupSecretStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly LookupCodeHasher _hasher = new(new Secrets("a-default-secret-of-32-characters"), NullLogger<LookupCodeHasher>.Instance);

    private async Task<T> WithVerifierAsync<T>(Func<LookupSecretVerifier, Task<T>> work)
    {
        await using var db = new DbSession(fixture.Factory);
        return await work(new LookupSecretVerifier(new SqlLookupSecretStore(db), _hasher, TimeProvider.System));
    }

    private async Task<T> WithIdentitiesAsync<T>(Func<SqlIdentityStore, Task<T>> work)
    {
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlIdentityStore(db));
    }

    private static Identity.Identity NewIdentity()
    {
        var now = Hosting.Clock.Now(TimeProvider.System);
        return new Identity.Identity { Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject(), CreatedAt = now, UpdatedAt = now };
    }

    /// <summary>Regenerates and confirms codes through the settings state machine; returns the codes shown.</summary>
    private List<string> Enrol(Identity.Identity identity)
    {
        var flow = new SettingsFlow
        {
            Id = Guid.NewGuid(), Type = "api", RequestUrl = "http://localhost/self-service/settings/api",
            Ui = new UiContainer { Action = "http://localhost/" }, IdentityId = identity.Id,
        };
        var settings = new LookupSecretSettings(_hasher, TimeProvider.System);
        settings.Apply(flow, identity, LookupSecretSettingsAction.Regenerate);
        var codes = (flow.Ui.Nodes.Single(n => n.Key == LookupSecretNodes.CodesId).Attributes["text"]!["context"]!["secrets"] as JsonArray)!
            .Select(s => s!["text"]!.GetValue<string>()).ToList();
        settings.Apply(flow, identity, LookupSecretSettingsAction.Confirm);
        return codes;
    }

    private async Task<(Identity.Identity Identity, List<string> Codes)> EnrolledAsync()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        var identity = NewIdentity();
        var codes = Enrol(identity);
        await WithIdentitiesAsync(async s => { await s.CreateAsync(identity, Ct); return 0; });
        return (identity, codes);
    }

    private async Task<string> RawConfigAsync(Guid identityId)
    {
        await using var db = new DbSession(fixture.Factory);
        var connection = await db.ConnectionAsync(Ct);
        var column = fixture.Factory.Dialect == SqlDialect.Postgres ? "config::text" : "config";
        return await connection.QuerySingleAsync<string>(
            $"SELECT {column} FROM identity_credentials WHERE identity_id = @id AND type = 'lookup_secret'",
            new { id = fixture.Factory.Dialect == SqlDialect.Postgres ? (object)identityId : identityId.ToString("D") });
    }

    private async Task<IReadOnlyList<LookupCode>> StoredCodesAsync(Guid identityId) =>
        LookupSecretCredential.Read(JsonNode.Parse(await RawConfigAsync(identityId))!.AsObject());

    [SkippableFact]
    public async Task TheStoredCredential_HoldsNoClearCode()
    {
        var (identity, codes) = await EnrolledAsync();

        var raw = await RawConfigAsync(identity.Id);

        Assert.Equal(12, codes.Count);
        Assert.All(codes, c => Assert.DoesNotContain(c, raw, StringComparison.Ordinal));
        Assert.All(await StoredCodesAsync(identity.Id), e => Assert.Equal((true, (string?)null, false), (e.Hmac is not null, e.Clear, e.IsUsed)));
    }

    [SkippableFact]
    public async Task ACode_WorksOnce_ThenAnswersAlreadyUsed()
    {
        var (identity, codes) = await EnrolledAsync();

        var first = await WithVerifierAsync(v => v.UseAsync(identity, codes[3], Ct));
        var second = await WithVerifierAsync(v => v.UseAsync(identity, codes[3], Ct));

        Assert.Equal(LookupSecretUseStatus.Accepted, first.Status);
        Assert.Equal(("lookup_secret", "aal2"), (first.Method!.Method, first.Method.Aal));
        Assert.Equal(LookupSecretUseStatus.AlreadyUsed, second.Status);
        Assert.Equal(4000012, second.Message!.Id);
        var stored = await StoredCodesAsync(identity.Id);
        Assert.Equal([3], stored.Select((e, i) => (e, i)).Where(x => x.e.IsUsed).Select(x => x.i));
        Assert.Equal(0, stored[3].UsedAt!.Value.Ticks % TimeSpan.TicksPerSecond);
        Assert.InRange(stored[3].UsedAt!.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(1));
    }

    [SkippableFact]
    public async Task UnknownEmptyAndMissingCodes_AreRefused_WithKratossMessages()
    {
        var (identity, codes) = await EnrolledAsync();

        var unknown = await WithVerifierAsync(v => v.UseAsync(identity, "zzzzzzzz", Ct));
        var otherCase = await WithVerifierAsync(v => v.UseAsync(identity, codes[0].ToUpperInvariant(), Ct));
        var empty = await WithVerifierAsync(v => v.UseAsync(identity, "", Ct));
        var missing = await WithVerifierAsync(v => v.UseAsync(identity, null, Ct));

        Assert.Equal((LookupSecretUseStatus.Invalid, 4000016L, (string?)null), (unknown.Status, unknown.Message!.Id, unknown.OnNode));
        Assert.Equal(LookupSecretUseStatus.Invalid, otherCase.Status);
        Assert.Equal(LookupSecretUseStatus.Invalid, empty.Status);
        Assert.Equal((LookupSecretUseStatus.Missing, 4000002L, "lookup_secret"), (missing.Status, missing.Message!.Id, missing.OnNode));
        Assert.DoesNotContain(await StoredCodesAsync(identity.Id), e => e.IsUsed);
    }

    [SkippableFact]
    public async Task AnIdentityWithoutCodes_GetsNoLookupDefined()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        var identity = NewIdentity();
        await WithIdentitiesAsync(async s => { await s.CreateAsync(identity, Ct); return 0; });

        var use = await WithVerifierAsync(v => v.UseAsync(identity, "w1ksv5a9", Ct));

        Assert.Equal((LookupSecretUseStatus.NoCodes, 4000014L), (use.Status, use.Message!.Id));
    }

    [SkippableFact]
    public async Task FiftyParallelUses_OfOneCode_SucceedExactlyOnce()
    {
        var (identity, codes) = await EnrolledAsync();

        var uses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            WithVerifierAsync(v => v.UseAsync(identity, codes[0], Ct)))));

        Assert.Single(uses, u => u.Status == LookupSecretUseStatus.Accepted);
        Assert.All(uses.Where(u => !u.Succeeded), u => Assert.Equal(LookupSecretUseStatus.AlreadyUsed, u.Status));
        Assert.Single(await StoredCodesAsync(identity.Id), e => e.IsUsed);
    }

    [SkippableFact]
    public async Task ParallelUses_OfDifferentCodes_AllSucceed_AndNoneIsLost()
    {
        var (identity, codes) = await EnrolledAsync();

        var uses = await Task.WhenAll(codes.Select(code => Task.Run(() => WithVerifierAsync(v => v.UseAsync(identity, code, Ct)))));

        Assert.All(uses, u => Assert.Equal(LookupSecretUseStatus.Accepted, u.Status));
        Assert.All(await StoredCodesAsync(identity.Id), e => Assert.True(e.IsUsed));
    }

    [SkippableFact]
    public async Task AfterAUse_AFullIdentityWrite_KeepsTheCodeUsed()
    {
        var (identity, codes) = await EnrolledAsync();
        var loaded = (await WithIdentitiesAsync(s => s.GetAsync(identity.Id, withCredentials: true, Ct)))!;
        await WithVerifierAsync(v => v.UseAsync(loaded, codes[5], Ct));

        loaded.MetadataPublic = new JsonObject { ["after"] = "login" };
        await WithIdentitiesAsync(async s => { await s.UpdateAsync(loaded, Ct); return 0; });

        Assert.True((await StoredCodesAsync(identity.Id))[5].IsUsed);
        Assert.Equal(LookupSecretUseStatus.AlreadyUsed, (await WithVerifierAsync(v => v.UseAsync(identity, codes[5], Ct))).Status);
    }

    [SkippableFact]
    public async Task ConfirmedNewCodes_ReplaceTheOldOnes()
    {
        var (identity, old) = await EnrolledAsync();
        var fresh = Enrol(identity);

        await WithIdentitiesAsync(async s => { await s.UpdateAsync(identity, Ct); return 0; });

        Assert.Equal(LookupSecretUseStatus.Invalid, (await WithVerifierAsync(v => v.UseAsync(identity, old[0], Ct))).Status);
        Assert.Equal(LookupSecretUseStatus.Accepted, (await WithVerifierAsync(v => v.UseAsync(identity, fresh[0], Ct))).Status);
    }

    [SkippableFact]
    public async Task ACodeStoredInClearByKratos_WorksOnce()
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        var identity = NewIdentity();
        identity.Credentials[CredentialTypes.LookupSecret] = new Credentials
        {
            Type = CredentialTypes.LookupSecret,
            Identifiers = [identity.Id.ToString("D")],
            Config = JsonNode.Parse("""{"recovery_codes":[{"code":"w1ksv5a9","used_at":null},{"code":"k2v8bz01","used_at":"2021-08-17T11:32:39Z"}]}""")!.AsObject(),
            CreatedAt = identity.CreatedAt,
            UpdatedAt = identity.UpdatedAt,
        };
        await WithIdentitiesAsync(async s => { await s.CreateAsync(identity, Ct); return 0; });

        var first = await WithVerifierAsync(v => v.UseAsync(identity, "w1ksv5a9", Ct));
        var again = await WithVerifierAsync(v => v.UseAsync(identity, "w1ksv5a9", Ct));
        var usedByKratos = await WithVerifierAsync(v => v.UseAsync(identity, "k2v8bz01", Ct));

        Assert.Equal(LookupSecretUseStatus.Accepted, first.Status);
        Assert.Equal(LookupSecretUseStatus.AlreadyUsed, again.Status);
        Assert.Equal(LookupSecretUseStatus.AlreadyUsed, usedByKratos.Status);
    }

    private sealed class Secrets(string secret) : IOptionsMonitor<CustosOptions>
    {
        public CustosOptions CurrentValue { get; } = new() { Secrets = { Default = [secret] } };

        public CustosOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
    }
}

public sealed class SqliteLookupSecretStoreTests(SqliteFixture fixture) : LookupSecretStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresLookupSecretStoreTests(PostgresFixture fixture) : LookupSecretStoreConformance(fixture), IClassFixture<PostgresFixture>;
