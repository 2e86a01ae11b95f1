using System.Text.Json.Nodes;
using Custos.Config;
using Custos.Identity;
using Custos.Sessions;
using Custos.Sessions.Assurance;
using Microsoft.Extensions.Options;

namespace Custos.Persistence.Tests;

/// <summary>
/// A session read by token below aal2 brings its identity's credentials (for the <c>highest_available</c> check) exactly as
/// the identity pool reads them, and the available AAL computed from real stored identities follows contract §6.2.
/// </summary>
public abstract class SessionCredentialsConformance(DatabaseFixture fixture)
{
    private const string TotpUrl = "otpauth://totp/Custos:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Custos";
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static DateTime Now()
    {
        var now = DateTime.UtcNow;
        return new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
    }

    private async Task<T> WithStoresAsync<T>(Func<SqlSessionStore, SqlIdentityStore, Task<T>> work)
    {
        Skip.If(fixture.Unavailable is not null, fixture.Unavailable);
        await using var db = new DbSession(fixture.Factory);
        return await work(new SqlSessionStore(db, TimeProvider.System), new SqlIdentityStore(db));
    }

    private static Credentials C(string type, string config, params string[] identifiers) =>
        new() { Type = type, Config = (JsonObject)JsonNode.Parse(config)!, Identifiers = [.. identifiers], Version = type is "code" or "webauthn" or "passkey" ? 1 : 0, CreatedAt = Now(), UpdatedAt = Now() };

    private async Task<Identity.Identity> StoreIdentityAsync(params Credentials[] credentials)
    {
        var now = Now();
        var identity = new Identity.Identity
        {
            Id = Guid.NewGuid(), SchemaId = "default", Traits = new JsonObject(), AvailableAal = "aal1", CreatedAt = now, UpdatedAt = now,
        };
        foreach (var c in credentials)
        {
            identity.Credentials[c.Type] = c;
        }

        await WithStoresAsync(async (_, identities) =>
        {
            await identities.CreateAsync(identity, Ct);
            return true;
        });
        return identity;
    }

    private async Task<Session> StoreAndReadSessionAsync(Guid identityId, params string[] aals)
    {
        var now = Now();
        var session = new Session { Id = Guid.NewGuid(), IdentityId = identityId, Active = true, AuthenticatedAt = now, IssuedAt = now, ExpiresAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now };
        foreach (var aal in aals)
        {
            session.AddAuthenticationMethod(new AuthenticationMethod(aal == "aal1" ? "password" : "totp", aal, now));
        }

        var token = SessionTokens.NewSessionToken();
        return (await WithStoresAsync(async (sessions, _) =>
        {
            await sessions.CreateAsync(session, SessionTokens.Hash(token), SessionTokens.Hash(SessionTokens.NewLogoutToken()), Ct);
            return await sessions.GetByTokenHashAsync(SessionTokens.Hash(token), Ct);
        }))!;
    }

    private static string Aal(Identity.Identity identity) =>
        new AvailableAalCalculator([], new Monitor(new CustosOptions())).Compute(identity.Credentials);

    private static string Describe(Identity.Identity identity) => string.Join("\n", identity.Credentials.Values.OrderBy(c => c.Type).Select(c =>
        $"{c.Id} {c.Type} v{c.Version} {c.Config.ToJsonString()} [{string.Join(",", c.Identifiers.Order(StringComparer.Ordinal))}] {c.CreatedAt:O} {c.UpdatedAt:O}"));

    [SkippableFact]
    public async Task Aal1Session_BringsEveryCredential_AsThePoolReadsThem()
    {
        var u = Guid.NewGuid().ToString("N");
        var identity = await StoreIdentityAsync(
            C("password", """{"hashed_password":"$2a$04$x"}""", $"{u}@example.com"),
            C("oidc", $$"""{"providers":[{"provider":"github","subject":"{{u}}"},{"provider":"google","subject":"2"}]}""", $"github:{u}", $"google:{u}"),
            C("totp", $$"""{"totp_url":"{{TotpUrl}}"}""", u),
            C("lookup_secret", """{"recovery_codes":[{"code":"a1","used_at":null}]}""", u),
            C("webauthn", """{"credentials":[{"id":"a2V5","is_passwordless":false,"public_key":"cGs="}],"user_handle":"dQ=="}""", $"{u}@example.com"));

        var session = await StoreAndReadSessionAsync(identity.Id, "aal1");
        var pooled = await WithStoresAsync((_, identities) => identities.GetAsync(identity.Id, withCredentials: true, Ct));

        Assert.True(session.Identity!.CredentialsLoaded);
        Assert.Equal(Describe(pooled!), Describe(session.Identity));
        Assert.Equal(5, session.Identity.Credentials.Count);
    }

    [SkippableFact]
    public async Task Aal2Session_DoesNotBringCredentials()
    {
        var identity = await StoreIdentityAsync(C("totp", $$"""{"totp_url":"{{TotpUrl}}"}""", Guid.NewGuid().ToString("N")));

        var session = await StoreAndReadSessionAsync(identity.Id, "aal1", "aal2");

        Assert.False(session.Identity!.CredentialsLoaded);
        Assert.Empty(session.Identity.Credentials);
    }

    [SkippableFact]
    public async Task IdentityWithoutCredentials_IsLoadedAsAnEmptySet()
    {
        var identity = await StoreIdentityAsync();

        var session = await StoreAndReadSessionAsync(identity.Id, "aal1");

        Assert.True(session.Identity!.CredentialsLoaded);
        Assert.Empty(session.Identity.Credentials);
    }

    [SkippableTheory]
    [InlineData("password", """{"hashed_password":"$2a$04$x"}""", "{u}@example.com", "aal1")]
    [InlineData("password", """{"hashed_password":""}""", "{u}@example.com", "aal0")]
    [InlineData("oidc", """{"providers":[{"provider":"github","subject":"{u}"}]}""", "github:{u}", "aal1")]
    [InlineData("oidc", """{"providers":[{"provider":"github","subject":"{u}"}]}""", "gitlab:{u}", "aal0")]
    [InlineData("passkey", """{"credentials":[{"id":"a2V5"}],"user_handle":"dQ=="}""", "{u}", "aal1")]
    [InlineData("webauthn", """{"credentials":[{"id":"a2V5","is_passwordless":true}]}""", "{u}@example.com", "aal1")]
    [InlineData("webauthn", """{"credentials":[{"id":"a2V5","is_passwordless":false}]}""", "{u}@example.com", "aal2")]
    [InlineData("totp", $$"""{"totp_url":"{{TotpUrl}}"}""", "{u}", "aal2")]
    [InlineData("totp", """{"totp_url":""}""", "{u}", "aal0")]
    [InlineData("lookup_secret", """{"recovery_codes":[{"code":"a1","used_at":"2026-01-01T00:00:00Z"}]}""", "{u}", "aal2")]
    [InlineData("lookup_secret", """{"recovery_codes":[]}""", "{u}", "aal0")]
    [InlineData("code", """{"addresses":[{"channel":"email","address":"{u}@example.com"}]}""", "{u}@example.com", "aal0")]
    public async Task StoredIdentity_AvailableAal_PerCredentialType(string type, string config, string identifier, string expected)
    {
        // Identifiers are unique per type across identities: {u} makes each row's own.
        var u = Guid.NewGuid().ToString("N");
        var identity = await StoreIdentityAsync(C(type, config.Replace("{u}", u, StringComparison.Ordinal), identifier.Replace("{u}", u, StringComparison.Ordinal)));

        var session = await StoreAndReadSessionAsync(identity.Id, "aal1");
        var pooled = await WithStoresAsync((_, identities) => identities.GetAsync(identity.Id, withCredentials: true, Ct));

        Assert.Equal(expected, Aal(session.Identity!));
        Assert.Equal(expected, Aal(pooled!));
    }

    private sealed class Monitor(CustosOptions value) : IOptionsMonitor<CustosOptions>
    {
        public CustosOptions CurrentValue { get; } = value;

        public CustosOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<CustosOptions, string?> listener) => null;
    }
}

public sealed class SqliteSessionCredentialsTests(SqliteFixture fixture) : SessionCredentialsConformance(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresSessionCredentialsTests(PostgresFixture fixture) : SessionCredentialsConformance(fixture), IClassFixture<PostgresFixture>;
