using System.Net;
using Custos.Audit;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.IntegrationTests.Audit;

/// <summary>
/// An audit event is written in the transaction of what it records: a change that rolls back leaves no event, and an
/// event that cannot be written stops the change.
/// </summary>
public sealed class FlowAuditRollbackTests
{
    private const string Password = "correct horse battery staple 7";

    [SkippableFact]
    public async Task ASettingsChangeThatRollsBack_LeavesNoSettingsEvent()
    {
        var courier = new BreakSwitch();
        using var app = new CustosAppFactory
        {
            ExtraYaml = """
                selfservice:
                  flows:
                    verification:
                      enabled: true
                """,
            ReplaceServices = services => services.Replace(ServiceDescriptor.Scoped<ICourier>(sp =>
                Breakable.Wrap<ICourier>(ActivatorUtilities.CreateInstance<TemplatedCourier>(sp), nameof(ICourier.QueueEmailAsync), courier))),
        };
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var identityId = Guid.Parse((await (await client.RegisterAsync(email, Password)).JsonAsync())["identity"]!["id"]!.GetValue<string>());

        // The verification mail for the new address cannot be queued: the change, and its event, roll back.
        courier.Broken = true;
        var failed = await client.SubmitAsync(await client.InitAsync("settings"), new() { ["method"] = "profile", ["traits.email"] = "x" + email });
        var afterFailure = await app.ForIdentityAsync(identityId);
        courier.Broken = false;
        var retried = await client.SubmitAsync(await client.InitAsync("settings"), new() { ["method"] = "profile", ["traits.email"] = "x" + email });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(afterFailure.OfType("settings.updated"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Single((await app.ForIdentityAsync(identityId)).OfType("settings.updated"));
    }

    [SkippableFact]
    public async Task WhenTheEventCannotBeWritten_NeitherIsTheRegistrationNorTheLogin()
    {
        var log = new BreakSwitch();
        using var app = new CustosAppFactory
        {
            ReplaceServices = services =>
            {
                // Whatever log the app registered, made to fail on demand.
                var registered = services.Last(d => d.ServiceType == typeof(IAuditLog));
                services.Replace(ServiceDescriptor.Scoped<IAuditLog>(sp => Breakable.Wrap(
                    (IAuditLog)(registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
                    nameof(IAuditLog.AppendAsync), log)));
            },
        };
        var email = $"{Guid.NewGuid():N}@example.com";
        var other = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(other, Password);
        var client = new FlowClient(app, ClientKind.Api);

        log.Broken = true;
        var registration = await client.RegisterAsync(email, Password);
        var login = await client.LoginAsync(other, Password);
        var registered = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();
        var otherId = (await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={other}")).JsonAsync())[0]!["id"]!.GetValue<string>();
        var sessions = await (await app.Admin().GetAsync($"/admin/identities/{otherId}/sessions")).JsonAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, registration.StatusCode);
        Assert.Empty(registered.AsArray());
        Assert.Equal(HttpStatusCode.InternalServerError, login.StatusCode);
        Assert.Empty(sessions.AsArray());
    }
}
