using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Hooks;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.SelfService.Registration;

/// <summary>
/// A browser registration's cookies (the new CSRF token, the session) are written once its transaction committed: a
/// registration that fails half-way sets none, so the browser keeps the token its flow is bound to and can submit again.
/// </summary>
public sealed class RegistrationCookieTests
{
    private const string Password = "correct horse battery staple";

    private static CustosAppFactory App(BreakSwitch hook) => new()
    {
        ExtraYaml = """
            selfservice:
              flows:
                registration:
                  after:
                    password:
                      hooks:
                        - hook: web_hook
                          config:
                            url: https://hooks.example/registered
                            method: POST
                        - hook: session
            """,
        ReplaceServices = services => services.AddScoped<IPostRegistrationHook>(_ => new FailingWebHook(hook)),
    };

    [SkippableFact]
    public async Task Browser_WhenAHookFailsAfterTheIdentityWrite_NoCookieIsSet_AndTheFlowCanBeSubmittedAgain()
    {
        var hook = new BreakSwitch();
        using var app = App(hook);
        var client = new FlowClient(app, ClientKind.Browser);
        var email = $"{Guid.NewGuid():N}@example.com";
        var flow = await client.InitAsync("registration");
        var body = new Dictionary<string, string> { ["method"] = "password", ["traits.email"] = email, ["password"] = Password };

        hook.Broken = true;
        var failed = await client.SubmitAsync(flow, body);
        var identities = await (await app.Admin().GetAsync($"/admin/identities?credentials_identifier={email}")).JsonAsync();
        hook.Broken = false;
        var retried = await client.SubmitAsync(flow, body);

        Assert.Equal(HttpStatusCode.SeeOther, failed.StatusCode);
        Assert.StartsWith("http://localhost:4455/error?id=", failed.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(failed.Headers.Contains("Set-Cookie"));
        Assert.Empty(identities.AsArray());
        Assert.Equal(HttpStatusCode.SeeOther, retried.StatusCode);
        Assert.Equal("http://localhost:4455/", retried.Headers.Location!.ToString());
        Assert.Contains(retried.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ory_kratos_session=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await client.WhoamiAsync()).StatusCode);
    }
}
