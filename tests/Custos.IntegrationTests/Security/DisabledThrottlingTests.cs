using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Security;

/// <summary><c>security.throttling.enabled: false</c> is Kratos: no limit on failures or registrations.</summary>
public sealed class DisabledThrottlingTests(DisabledThrottlingApp app) : IClassFixture<DisabledThrottlingApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task FailuresAndRegistrations_AreNotLimited()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.LoginAsync(email, "wrong password")).StatusCode);
        }

        var login = await client.LoginAsync(email, Password);
        var registrations = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            registrations.Add((await new FlowClient(app, ClientKind.Api).RegisterAsync($"{Guid.NewGuid():N}@example.com", Password)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.All(registrations, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}
