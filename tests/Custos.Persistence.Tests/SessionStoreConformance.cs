using System.Text.Json.Nodes;
using Custos.Identity;
using Custos.Sessions;

namespace Custos.Persistence.Tests;

/// <summary>The session store behaviour every database must show.</summary>
public abstract partial class SessionStoreConformance(DatabaseFixture fixture)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    private async Task<T> WithStoreAsync<T>(Func<SqlSessionStore, SqlIdentityStore, Task<T>> work)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlSessionStore(db, TimeProvider.System), new SqlIdentityStore(db));
    }

    private Task<T> WithStoreAsync<T>(Func<SqlSessionStore, Task<T>> work) => WithStoreAsync((s, _) => work(s));

    private async Task<Identity.Identity> NewIdentityAsync(string? state = null)
    {
        var now = Now();
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = new Identity.Identity
        {
            Id = Guid.NewGuid(),
            SchemaId = "default",
            State = state ?? IdentityStates.Active,
            Traits = new JsonObject { ["email"] = email },
            MetadataAdmin = new JsonObject { ["tier"] = "gold" },
            AvailableAal = "aal1",
            CreatedAt = now,
            UpdatedAt = now,
        };
        identity.VerifiableAddresses.Add(new VerifiableAddress { Value = email, Via = "email", Verified = true, VerifiedAt = now, Status = "completed", CreatedAt = now, UpdatedAt = now });
        identity.RecoveryAddresses.Add(new RecoveryAddress { Value = email, Via = "email", CreatedAt = now, UpdatedAt = now });
        await WithStoreAsync(async (_, identities) =>
        {
            await identities.CreateAsync(identity, Ct);
            return true;
        });
        return identity;
    }

    private static Session NewSession(Guid identityId, DateTime? createdAt = null, TimeSpan? lifespan = null)
    {
        var now = createdAt ?? Now();
        var session = new Session
        {
            Id = Guid.NewGuid(),
            IdentityId = identityId,
            Active = true,
            AuthenticatedAt = now,
            IssuedAt = now,
            ExpiresAt = now + (lifespan ?? TimeSpan.FromHours(24)),
            Devices = [new SessionDevice(Guid.NewGuid(), "203.0.113.5", "agent/1.0", "Berlin, DE")],
            CreatedAt = now,
            UpdatedAt = now,
        };
        session.AddAuthenticationMethod(new AuthenticationMethod("oidc", "aal1", now, "github"));
        return session;
    }

    private Task<(Session Session, string Token, string LogoutToken)> InsertAsync(Session session)
    {
        var token = SessionTokens.NewSessionToken();
        var logout = SessionTokens.NewLogoutToken();
        return WithStoreAsync(async s =>
        {
            await s.CreateAsync(session, SessionTokens.Hash(token), SessionTokens.Hash(logout), Ct);
            return (session, token, logout);
        });
    }

    [SkippableFact]
    public async Task Create_ThenGet_RoundTripsEveryField()
    {
        var identity = await NewIdentityAsync();
        var (session, _, _) = await InsertAsync(NewSession(identity.Id));

        var loaded = await WithStoreAsync(s => s.GetAsync(session.Id, withIdentity: false, Ct));

        Assert.NotNull(loaded);
        Assert.Null(loaded.Identity);
        Assert.Equal(identity.Id, loaded.IdentityId);
        Assert.True(loaded.Active);
        Assert.Equal(session.ExpiresAt, loaded.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, loaded.ExpiresAt.Kind);
        Assert.Equal(session.AuthenticatedAt, loaded.AuthenticatedAt);
        Assert.Equal(session.IssuedAt, loaded.IssuedAt);
        Assert.Equal(session.CreatedAt, loaded.CreatedAt);
        Assert.Equal("aal1", loaded.AuthenticatorAssuranceLevel);
        Assert.Equal(session.AuthenticationMethods, loaded.AuthenticationMethods);
        Assert.Equal(session.Devices, loaded.Devices);
    }

    [SkippableFact]
    public async Task GetByTokenHash_LoadsIdentityWithAddresses()
    {
        var identity = await NewIdentityAsync();
        var (session, token, _) = await InsertAsync(NewSession(identity.Id));

        var loaded = await WithStoreAsync(s => s.GetByTokenHashAsync(SessionTokens.Hash(token), Ct));

        Assert.Equal(session.Id, loaded?.Id);
        Assert.Equal(identity.Id, loaded!.Identity!.Id);
        Assert.Equal("gold", loaded.Identity.MetadataAdmin!["tier"]!.GetValue<string>());
        Assert.Empty(loaded.Identity.Credentials);
        var verifiable = Assert.Single(loaded.Identity.VerifiableAddresses);
        Assert.True(verifiable.Verified);
        Assert.Equal("completed", verifiable.Status);
        Assert.Equal(identity.VerifiableAddresses[0].VerifiedAt, verifiable.VerifiedAt);
        Assert.Equal(identity.RecoveryAddresses[0].Value, Assert.Single(loaded.Identity.RecoveryAddresses).Value);
    }

    [SkippableFact]
    public async Task GetByTokenHash_UnknownOrPlaintext_ReturnsNull()
    {
        var identity = await NewIdentityAsync();
        var (_, token, _) = await InsertAsync(NewSession(identity.Id));

        var byPlaintext = await WithStoreAsync(s => s.GetByTokenHashAsync(token, Ct));
        var unknown = await WithStoreAsync(s => s.GetByTokenHashAsync(SessionTokens.Hash(SessionTokens.NewSessionToken()), Ct));

        Assert.Null(byPlaintext);
        Assert.Null(unknown);
    }

    [SkippableFact]
    public async Task GetByLogoutTokenHash_FindsTheSession()
    {
        var identity = await NewIdentityAsync();
        var (session, token, logout) = await InsertAsync(NewSession(identity.Id));

        var byLogout = await WithStoreAsync(s => s.GetByLogoutTokenHashAsync(SessionTokens.Hash(logout), Ct));
        var bySessionToken = await WithStoreAsync(s => s.GetByLogoutTokenHashAsync(SessionTokens.Hash(token), Ct));

        Assert.Equal(session.Id, byLogout?.Id);
        Assert.NotNull(byLogout!.Identity);
        Assert.Null(bySessionToken);
    }

    [SkippableFact]
    public async Task Create_DuplicateTokenHash_IsAUniqueViolation()
    {
        var identity = await NewIdentityAsync();
        var hash = SessionTokens.Hash(SessionTokens.NewSessionToken());
        await WithStoreAsync(async s =>
        {
            await s.CreateAsync(NewSession(identity.Id), hash, SessionTokens.Hash(SessionTokens.NewLogoutToken()), Ct);
            return true;
        });

        var error = await Record.ExceptionAsync(() => WithStoreAsync(async s =>
        {
            await s.CreateAsync(NewSession(identity.Id), hash, SessionTokens.Hash(SessionTokens.NewLogoutToken()), Ct);
            return true;
        }));

        Assert.True(error is not null && UniqueViolation.Is(error), error?.ToString());
    }

    [SkippableFact]
    public async Task Update_WritesMethodsDevicesAndTimes()
    {
        var identity = await NewIdentityAsync();
        var (session, _, _) = await InsertAsync(NewSession(identity.Id));
        var later = session.AuthenticatedAt.AddMinutes(30);
        session.AddAuthenticationMethod(new AuthenticationMethod("totp", "aal2", later));
        session.Devices.Add(new SessionDevice(Guid.NewGuid(), "198.51.100.1", "agent/2.0", ""));
        session.AuthenticatedAt = later;
        session.ExpiresAt = later.AddHours(24);
        session.UpdatedAt = later;

        var loaded = await WithStoreAsync(async s =>
        {
            await s.UpdateAsync(session, Ct);
            return await s.GetAsync(session.Id, withIdentity: true, Ct);
        });

        Assert.Equal("aal2", loaded!.AuthenticatorAssuranceLevel);
        Assert.Equal(2, loaded.AuthenticationMethods.Count);
        Assert.Equal(2, loaded.Devices.Count);
        Assert.Equal(later, loaded.AuthenticatedAt);
        Assert.Equal(later.AddHours(24), loaded.ExpiresAt);
        Assert.Equal(session.IssuedAt, loaded.IssuedAt);
        Assert.Equal(identity.Id, loaded.Identity?.Id);
    }
}

public sealed class SqliteSessionStoreTests(SqliteFixture fixture) : SessionStoreConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSessionStoreTests(PostgresFixture fixture) : SessionStoreConformance(fixture), IClassFixture<PostgresFixture>;
