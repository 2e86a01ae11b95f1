using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Strategies.Totp;

namespace Custos.IntegrationTests.Oidc.Strategy;

/// <summary>
/// Account linking when the existing account has a second factor and whoami requires the highest available AAL, on
/// SQLite and PostgreSQL: the password alone must not link the provider account (Kratos links once the login is
/// complete); after the TOTP step of the browser's step-up flow it is linked.
/// </summary>
public abstract class OidcAalLinkingTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : OidcAalApp
{
    private const string Password = "correct horse battery staple 42";
    private readonly OidcDance _dance = new(app);

    [SkippableTheory]
    [InlineData(ClientKind.Browser)]
    [InlineData(ClientKind.Api)]
    public async Task ThePasswordAlone_DoesNotLink_TheBrowsersStepUpDoes(ClientKind kind)
    {
        var (sub, email) = ("sub-" + Guid.NewGuid().ToString("N"), $"{Guid.NewGuid():N}@example.com");
        var key = TotpKey.Generate(OidcStrategyApp.CipherSecret[..6], email);
        var created = await app.Admin().PostJsonAsync("/admin/identities", new JsonObject
        {
            ["schema_id"] = "default",
            ["traits"] = new JsonObject { ["email"] = email },
            ["credentials"] = new JsonObject
            {
                ["password"] = new JsonObject { ["config"] = new JsonObject { ["password"] = Password } },
                ["totp"] = new JsonObject { ["config"] = new JsonObject { ["totp_url"] = key.Url } },
            },
        }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync())["id"]!.GetValue<string>();
        var client = new FlowClient(app, kind);
        var callback = await _dance.SignInAsync(client, "login", sub, email);
        Assert.True(callback.StatusCode == HttpStatusCode.SeeOther, await callback.Content.ReadAsStringAsync());
        var linking = await client.GetFlowAsync("login", OidcDance.FlowIdIn(callback.Headers.Location!));
        Assert.Equal(["1010016"], FlowClient.MessageIds(linking));

        var password = await client.SubmitAsync(linking, new() { ["method"] = "password", ["identifier"] = email, ["password"] = Password });

        var text = await password.Content.ReadAsStringAsync();
        if (kind == ClientKind.Api)
        {
            Assert.True(password.StatusCode == HttpStatusCode.OK, text);
            var answer = JsonNode.Parse(text)!;
            client.SessionToken = answer["session_token"]!.GetValue<string>();

            // Kratos leaves the identity out of an answer whose session misses the required AAL.
            Assert.Null(answer["session"]!["identity"]);
        }
        else
        {
            Assert.True(password.StatusCode == HttpStatusCode.SeeOther, text);
        }

        Assert.Empty(await _dance.IdentifiersAsync(id));

        // A browser is sent to the second factor's flow (which carries the waiting link); a native app asks for one.
        var second = kind == ClientKind.Browser
            ? await client.GetFlowAsync("login", OidcDance.FlowIdIn(password.Headers.Location!))
            : await client.InitAsync("login", "?aal=aal2");
        Assert.Equal("aal2", second["requested_aal"]!.GetValue<string>());
        var totp = await client.SubmitAsync(second, new() { ["method"] = "totp", ["totp_code"] = TotpCode.Compute(key.Secret, app.ManualClock.GetUtcNow().UtcDateTime) });
        Assert.True(totp.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, await totp.Content.ReadAsStringAsync());
        var whoami = (await (await client.WhoamiAsync()).JsonAsync()).AsObject();
        Assert.Equal(("aal2", id), (whoami["authenticator_assurance_level"]!.GetValue<string>(), whoami["identity"]!["id"]!.GetValue<string>()));

        // The waiting link lives in the flow the password completed: a browser's step-up flow carries it (Kratos links
        // once the login reaches the required AAL); a native app's new aal2 flow does not, as in Kratos, whose API
        // answer skips the link and whose new flow knows nothing of it.
        Assert.Equal(kind == ClientKind.Browser ? [$"op:{sub}"] : [], await _dance.IdentifiersAsync(id));
    }
}

public sealed class SqliteOidcAalLinkingTests(OidcAalApp app) : OidcAalLinkingTests<OidcAalApp>(app);

public sealed class PostgresOidcAalLinkingTests(OidcAalPostgresApp app) : OidcAalLinkingTests<OidcAalPostgresApp>(app);
