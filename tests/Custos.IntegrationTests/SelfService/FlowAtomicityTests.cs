using System.Net;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;
using Custos.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.IntegrationTests.SelfService;

/// <summary>
/// A registration and a settings change are each one transaction: when a step after the identity write fails (here
/// the courier cannot queue the verification message), nothing of it is left behind and the flow can be submitted
/// again.
/// </summary>
public sealed class FlowAtomicityTests
{
    private const string Password = "correct horse battery staple";

    private static CustosAppFactory App(BreakSwitch courier) => new()
    {
        ExtraYaml = """
            selfservice:
              flows:
                verification:
                  enabled: true
                registration:
                  after:
                    password:
                      hooks:
                        - hook: session
            """,
        ReplaceServices = services => services.Replace(ServiceDescriptor.Scoped<ICourier>(sp =>
            Breakable.Wrap<ICourier>(ActivatorUtilities.CreateInstance<TemplatedCourier>(sp), nameof(ICourier.QueueEmailAsync), courier))),
    };

    [SkippableFact]
    public async Task Registration_WhenQueueingTheVerificationMessageFails_NothingIsWritten()
    {
        var courier = new BreakSwitch();
        using var app = App(courier);
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var flow = await client.InitAsync("registration");

        courier.Broken = true;
        var failed = await client.SubmitAsync(flow, Body(email));
        var identities = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();
        var messages = await (await app.Admin().GetAsync($"/admin/courier/messages?recipient={email}")).JsonAsync();
        courier.Broken = false;
        var retried = await client.SubmitAsync(flow, Body(email));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(identities.AsArray());
        Assert.Empty(messages.AsArray());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(string.IsNullOrEmpty((await retried.JsonAsync())["session_token"]?.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Login_WhenStoringTheSessionFails_TheFlowCanBeSubmittedAgain()
    {
        var store = new BreakSwitch();
        using var app = new CustosAppFactory
        {
            ReplaceServices = services => services.Replace(ServiceDescriptor.Scoped<ISessionStore>(sp =>
                Breakable.Wrap<ISessionStore>(sp.GetRequiredService<SqlSessionStore>(), nameof(ISessionStore.CreateAsync), store))),
        };
        var email = $"{Guid.NewGuid():N}@example.com";
        await app.Admin().CreateIdentityAsync(email, Password);
        var client = new FlowClient(app, ClientKind.Api);
        var flow = await client.InitAsync("login");

        store.Broken = true;
        var failed = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });
        store.Broken = false;
        var retried = await client.SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    [SkippableFact]
    public async Task Settings_WhenQueueingTheVerificationMessageFails_TheTraitsStayAsTheyWere()
    {
        var courier = new BreakSwitch();
        using var app = App(courier);
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var changed = $"{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.OK, (await client.RegisterAsync(email, Password)).StatusCode);
        var flow = await client.InitAsync("settings");

        courier.Broken = true;
        var failed = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = changed });
        var whoami = await (await client.WhoamiAsync()).JsonAsync();
        courier.Broken = false;
        var retried = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = changed });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(email, whoami["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(changed, (await (await client.WhoamiAsync()).JsonAsync())["identity"]!["traits"]!["email"]!.GetValue<string>());
    }

    private static Dictionary<string, string> Body(string email) => new() { ["method"] = "password", ["password"] = Password, ["traits.email"] = email };
}
