using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.Security;

/// <summary>
/// Password login throttling over real HTTP: the lockout per identifier and client address, the ceiling, the victim's
/// other address, trusted and untrusted proxy headers, the window, and the ways a lockout ends.
/// </summary>
public abstract partial class LoginThrottlingTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : ThrottlingApp
{
    private const string Password = "correct horse battery staple";
    private const string Wrong = "not the password at all";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    // A documentation-range IPv6 address per call, so tests sharing the app never share a client address.
    private static string NewPeer() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";

    private FlowClient Client(ClientKind kind, string peer, string? forwardedFor = null)
    {
        var client = new FlowClient(app, kind);
        client.Http.DefaultRequestHeaders.Add(ThrottlingApp.PeerHeader, peer);
        if (forwardedFor is not null)
        {
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return client;
    }

    private async Task<string> RegisteredEmailAsync()
    {
        var email = NewEmail();
        await app.Admin().CreateIdentityAsync(email, Password);
        return email;
    }

    private static async Task FailAsync(FlowClient client, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var response = await client.LoginAsync(email, Wrong);
            Assert.Equal(client.Kind == ClientKind.Browser ? HttpStatusCode.SeeOther : HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    private static async Task AssertThrottledAsync(HttpResponseMessage response, int maxSeconds = 900)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, maxSeconds);
        var error = (await response.JsonAsync())["error"]!;
        Assert.Equal(429, error["code"]!.GetValue<int>());
        Assert.Equal("too_many_requests", error["id"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData(ClientKind.Api)]
    [InlineData(ClientKind.Spa)]
    public async Task AfterTheLimit_TheRightPasswordIsRefused_With429AndRetryAfter(ClientKind kind)
    {
        var email = await RegisteredEmailAsync();
        var client = Client(kind, NewPeer());
        await FailAsync(client, email, 3);

        var refused = await client.LoginAsync(email, Password);

        await AssertThrottledAsync(refused);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task ABrowser_IsSentBackToTheLoginPage_WithTheMessage()
    {
        var email = await RegisteredEmailAsync();
        var client = Client(ClientKind.Browser, NewPeer());
        await FailAsync(client, email, 3);

        var refused = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        Assert.StartsWith("http://localhost:4455/login?flow=", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var flow = await client.GetFlowAsync("login", System.Web.HttpUtility.ParseQueryString(refused.Headers.Location.Query)["flow"]!);
        Assert.Equal(["4000100"], FlowClient.MessageIds(flow));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.WhoamiAsync()).StatusCode);
    }

    [SkippableFact]
    public async Task AnUnknownIdentifier_IsAnsweredExactlyLikeAKnownOne()
    {
        var known = await RegisteredEmailAsync();
        var unknown = NewEmail();
        var peer = NewPeer();
        await FailAsync(Client(ClientKind.Api, peer), known, 3);
        await FailAsync(Client(ClientKind.Api, peer), unknown, 3);

        var forKnown = await Client(ClientKind.Api, peer).LoginAsync(known, Password);
        var forUnknown = await Client(ClientKind.Api, peer).LoginAsync(unknown, Password);

        await AssertThrottledAsync(forKnown);
        await AssertThrottledAsync(forUnknown);
        Assert.Equal(forKnown.Headers.GetValues("Retry-After"), forUnknown.Headers.GetValues("Retry-After"));
        var (a, b) = ((await forKnown.JsonAsync()).AsObject(), (await forUnknown.JsonAsync()).AsObject());
        Assert.Equal(a.ToJsonString(), b.ToJsonString());
    }

    [SkippableFact]
    public async Task TheVictimBehindATrustedProxy_StillSignsIn_WhileTheAttackerIsRefused()
    {
        var email = await RegisteredEmailAsync();
        var attacker = Client(ClientKind.Api, "10.1.2.3", "198.51.100.66");
        await FailAsync(attacker, email, 3);

        // The attacker's address, however many trusted proxies it passed; a spoofed hop left of it changes nothing.
        var attackerAgain = await Client(ClientKind.Api, "10.9.9.9", "203.0.113.1, 198.51.100.66, 10.1.2.3").LoginAsync(email, Password);
        var victim = await Client(ClientKind.Api, "10.1.2.3", "198.51.100.7").LoginAsync(email, Password);

        await AssertThrottledAsync(attackerAgain);
        Assert.Equal(HttpStatusCode.OK, victim.StatusCode);
    }

    [SkippableFact]
    public async Task AnUntrustedForwardedFor_IsIgnored()
    {
        var email = await RegisteredEmailAsync();
        var peer = NewPeer();
        for (var i = 0; i < 3; i++)
        {
            await FailAsync(Client(ClientKind.Api, peer, $"198.51.100.{i + 1}"), email, 1);
        }

        var refused = await Client(ClientKind.Api, peer, "198.51.100.200").LoginAsync(email, Password);

        await AssertThrottledAsync(refused);
    }

    [SkippableFact]
    public async Task TheCeiling_RefusesEveryAddress_UntilItsWindowEnds()
    {
        var email = await RegisteredEmailAsync();
        await FailAsync(Client(ClientKind.Api, NewPeer()), email, 3);
        await FailAsync(Client(ClientKind.Api, NewPeer()), email, 2);

        var fresh = await Client(ClientKind.Api, NewPeer()).LoginAsync(email, Password);

        await AssertThrottledAsync(fresh, maxSeconds: 3600);
    }

    [SkippableFact]
    public async Task ASuccess_ClearsTheIdentifiersCount()
    {
        var email = await RegisteredEmailAsync();
        var peer = NewPeer();
        await FailAsync(Client(ClientKind.Api, peer), email, 2);
        Assert.Equal(HttpStatusCode.OK, (await Client(ClientKind.Api, peer).LoginAsync(email, Password)).StatusCode);
        await FailAsync(Client(ClientKind.Api, peer), email, 2);

        var again = await Client(ClientKind.Api, peer).LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [SkippableFact]
    public async Task WhenTheWindowEnds_TheRightPasswordWorksAgain()
    {
        var email = await RegisteredEmailAsync();
        var client = Client(ClientKind.Api, NewPeer());
        await FailAsync(client, email, 3);
        await AssertThrottledAsync(await client.LoginAsync(email, Password));

        app.ManualClock.Advance(TimeSpan.FromMinutes(15));
        var after = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [SkippableFact]
    public async Task RefusedAttempts_AreNotCounted_SoTheCeilingIsNotReachedByThem()
    {
        var email = await RegisteredEmailAsync();
        var attacker = Client(ClientKind.Api, NewPeer());
        await FailAsync(attacker, email, 3);
        for (var i = 0; i < 4; i++)
        {
            await AssertThrottledAsync(await attacker.LoginAsync(email, Wrong));
        }

        var victim = await Client(ClientKind.Api, NewPeer()).LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.OK, victim.StatusCode);
    }

    [SkippableFact]
    public async Task RecoveryDuringALockout_Works_AndEndsIt()
    {
        var email = await RegisteredEmailAsync();
        var peer = NewPeer();
        await FailAsync(Client(ClientKind.Api, peer), email, 3);
        var recovering = Client(ClientKind.Spa, peer);
        var flow = await recovering.InitAsync("recovery");
        var sent = await recovering.SubmitAsync(flow, new() { ["method"] = "code", ["email"] = email });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var used = await recovering.SubmitAsync((await sent.JsonAsync()).AsObject(), new() { ["method"] = "code", ["code"] = await app.LatestCodeAsync(email) });
        var login = await Client(ClientKind.Api, peer).LoginAsync(email, Password);

        Assert.Equal((HttpStatusCode)422, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recovering.WhoamiAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [SkippableFact]
    public async Task TheAdminApi_LiftsALockout()
    {
        var email = await RegisteredEmailAsync();
        var identity = await app.Admin().GetFromJsonIdentityAsync(email);
        var client = Client(ClientKind.Api, NewPeer());
        await FailAsync(client, email, 3);

        var lifted = await app.Admin().DeleteAsync($"/admin/identities/{identity}/throttling");
        var unknown = await app.Admin().DeleteAsync($"/admin/identities/{Guid.NewGuid()}/throttling");
        var login = await client.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(404, (await unknown.JsonAsync())["error"]!["code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    [SkippableFact]
    public async Task TheCli_LiftsALockout_ByIdentifier()
    {
        var email = await RegisteredEmailAsync();
        var client = Client(ClientKind.Api, NewPeer());
        await FailAsync(client, email, 3);
        var config = Path.Combine(Path.GetTempPath(), $"custos-throttle-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(config, $"""
            dsn: "{app.Options.Dsn}"
            secrets:
              default:
                - a-default-secret-of-32-characters
            selfservice:
              default_browser_return_url: http://localhost:4455/
            identity:
              schemas:
                - id: default
                  url: file://{app.SchemaPath}
            """);

        var (code, stdout, stderr) = await CustosProcess.RunAsync(["throttling", "clear", "--identifier", email.ToUpperInvariant(), "-c", config]);
        File.Delete(config);
        var login = await client.LoginAsync(email, Password);

        Assert.True(code == 0, stderr);
        Assert.Contains("Removed 2 throttling counters.", stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}

public sealed class SqliteLoginThrottlingTests(ThrottlingApp app) : LoginThrottlingTests<ThrottlingApp>(app);

public sealed class PostgresLoginThrottlingTests(PostgresThrottlingApp app) : LoginThrottlingTests<PostgresThrottlingApp>(app);

internal static class ThrottlingAdminExtensions
{
    /// <summary>The id of the identity whose credentials identifier is <paramref name="email"/>.</summary>
    public static async Task<string> GetFromJsonIdentityAsync(this HttpClient admin, string email)
    {
        var list = (await (await admin.GetAsync($"/admin/identities?credentials_identifier={Uri.EscapeDataString(email)}")).JsonAsync()).AsArray();
        return Assert.Single(list)!["id"]!.GetValue<string>();
    }
}
