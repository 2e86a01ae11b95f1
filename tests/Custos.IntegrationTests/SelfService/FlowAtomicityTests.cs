using System.Net;
using System.Text.Json.Nodes;
using Custos.Courier;
using Custos.IntegrationTests.Infrastructure;
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

    private static CustosAppFactory App(SwitchableCourier courier) => new()
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
            courier.Wrap(ActivatorUtilities.CreateInstance<TemplatedCourier>(sp)))),
    };

    [SkippableFact]
    public async Task Registration_WhenQueueingTheVerificationMessageFails_NothingIsWritten()
    {
        var courier = new SwitchableCourier();
        using var app = App(courier);
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var flow = await client.InitAsync("registration");

        courier.Failing = true;
        var failed = await client.SubmitAsync(flow, Body(email));
        var identities = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();
        var messages = await (await app.Admin().GetAsync($"/admin/courier/messages?recipient={email}")).JsonAsync();
        courier.Failing = false;
        var retried = await client.SubmitAsync(flow, Body(email));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(identities.AsArray());
        Assert.Empty(messages.AsArray());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.False(string.IsNullOrEmpty((await retried.JsonAsync())["session_token"]?.GetValue<string>()));
    }

    [SkippableFact]
    public async Task Settings_WhenQueueingTheVerificationMessageFails_TheTraitsStayAsTheyWere()
    {
        var courier = new SwitchableCourier();
        using var app = App(courier);
        var client = new FlowClient(app, ClientKind.Api);
        var email = $"{Guid.NewGuid():N}@example.com";
        var changed = $"{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.OK, (await client.RegisterAsync(email, Password)).StatusCode);
        var flow = await client.InitAsync("settings");

        courier.Failing = true;
        var failed = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = changed });
        var whoami = await (await client.WhoamiAsync()).JsonAsync();
        courier.Failing = false;
        var retried = await client.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = changed });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(email, whoami["identity"]!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(changed, (await (await client.WhoamiAsync()).JsonAsync())["identity"]!["traits"]!["email"]!.GetValue<string>());
    }

    private static Dictionary<string, string> Body(string email) => new() { ["method"] = "password", ["password"] = Password, ["traits.email"] = email };

    /// <summary>The real courier, or an unavailable one while <see cref="Failing"/> is set.</summary>
    private sealed class SwitchableCourier
    {
        public bool Failing { get; set; }

        public ICourier Wrap(ICourier real) => new Switched(this, real);

        private sealed class Switched(SwitchableCourier owner, ICourier real) : ICourier
        {
            public Task<Guid> QueueEmailAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct) =>
                owner.Failing ? throw new InvalidOperationException("the courier is unavailable") : real.QueueEmailAsync(recipient, templateType, templateData, ct);

            public Task<Guid> QueueSmsAsync(string recipient, string templateType, JsonObject templateData, CancellationToken ct) =>
                owner.Failing ? throw new InvalidOperationException("the courier is unavailable") : real.QueueSmsAsync(recipient, templateType, templateData, ct);
        }
    }
}
