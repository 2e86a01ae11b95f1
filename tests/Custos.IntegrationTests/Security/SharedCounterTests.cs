using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Security;

/// <summary>Two nodes on one PostgreSQL database: a lockout counted on one holds on the other.</summary>
public sealed class SharedCounterTests(PostgresThrottlingApp first) : IClassFixture<PostgresThrottlingApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task FailuresOnOneNode_LockTheIdentifierOnTheOther()
    {
        using var second = new SecondNodeApp(first);
        var email = $"{Guid.NewGuid():N}@example.com";
        await first.Admin().CreateIdentityAsync(email, Password);
        var onFirst = new FlowClient(first, ClientKind.Api);
        var onSecond = new FlowClient(second, ClientKind.Api);
        await onFirst.LoginAsync(email, "wrong password");
        await onSecond.LoginAsync(email, "wrong password");
        await onFirst.LoginAsync(email, "wrong password");

        var refusedOnSecond = await onSecond.LoginAsync(email, Password);
        var refusedOnFirst = await onFirst.LoginAsync(email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnSecond.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnFirst.StatusCode);
    }
}
