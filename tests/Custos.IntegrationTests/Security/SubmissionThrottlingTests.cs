using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Security;

/// <summary>The per-address rules (failed submissions of any flow, registrations), the audit of a block, and the switch.</summary>
public abstract class SubmissionThrottlingTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : ThrottlingApp
{
    private const string Password = "correct horse battery staple";

    private static string NewPeer() => $"2001:db8:1::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";

    private FlowClient Client(ClientKind kind, string peer)
    {
        var client = new FlowClient(app, kind);
        client.Http.DefaultRequestHeaders.Add(ThrottlingApp.PeerHeader, peer);
        return client;
    }

    private async Task<long> BlocksAuditedAsync(string rule)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var connection = await scope.ServiceProvider.GetRequiredService<DbSession>().ConnectionAsync(CancellationToken.None);
        var details = await connection.QueryAsync<string>("SELECT details FROM audit_events WHERE type = 'throttling.blocked'");
        return details.Count(d => d.Contains($"\"rule\":\"{rule}\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The21stRegistration_Answers429_AndStoresNothing()
    {
        var peer = NewPeer();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client(ClientKind.Api, peer).RegisterAsync($"{Guid.NewGuid():N}@example.com", Password)).StatusCode);
        }

        var email = $"{Guid.NewGuid():N}@example.com";
        var refused = await Client(ClientKind.Api, peer).RegisterAsync(email, Password);
        var elsewhere = await Client(ClientKind.Api, NewPeer()).RegisterAsync($"{Guid.NewGuid():N}@example.com", Password);
        var stored = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("too_many_requests", (await refused.JsonAsync())["error"]!["id"]!.GetValue<string>());
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Empty(stored);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [SkippableFact]
    public async Task FailedSubmissionsOfAnyKind_FromOneAddress_BlockIt_OnceAudited()
    {
        var peer = NewPeer();
        var before = await BlocksAuditedAsync("login_address");
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        for (var i = 0; i < 9; i++)
        {
            // Every identifier fails once: no identifier rule is near its limit, only the address's count grows.
            Assert.Equal(HttpStatusCode.BadRequest, (await Client(ClientKind.Api, peer).LoginAsync($"{Guid.NewGuid():N}@example.com", "wrong password")).StatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            // A registration without its e-mail address is a failed submission of another kind.
            var registration = Client(ClientKind.Api, peer);
            var flow = await registration.InitAsync("registration");
            Assert.Equal(HttpStatusCode.BadRequest, (await registration.SubmitAsync(flow, new() { ["method"] = "password", ["password"] = Password })).StatusCode);
        }

        var login = await Client(ClientKind.Api, peer).LoginAsync(email, Password);
        var refusedAgain = await Client(ClientKind.Api, peer).LoginAsync(email, Password);
        var otherAddress = await Client(ClientKind.Api, NewPeer()).LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, login.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
        Assert.Equal(before + 1, await BlocksAuditedAsync("login_address"));
    }

    [SkippableFact]
    public async Task AnIdentifierLockout_IsAuditedOnce_NotPerRefusedAttempt()
    {
        var peer = NewPeer();
        var email = $"{Guid.NewGuid():N}@example.com";
        var before = await BlocksAuditedAsync("login_identifier");
        for (var i = 0; i < 3; i++)
        {
            await Client(ClientKind.Api, peer).LoginAsync(email, "wrong password");
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, (await Client(ClientKind.Api, peer).LoginAsync(email, "wrong password")).StatusCode);
        }

        Assert.Equal(before + 1, await BlocksAuditedAsync("login_identifier"));
    }
}

public sealed class SqliteSubmissionThrottlingTests(ThrottlingApp app) : SubmissionThrottlingTests<ThrottlingApp>(app);

public sealed class PostgresSubmissionThrottlingTests(PostgresThrottlingApp app) : SubmissionThrottlingTests<PostgresThrottlingApp>(app);
