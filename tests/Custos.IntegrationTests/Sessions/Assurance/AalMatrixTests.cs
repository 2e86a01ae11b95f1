using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custos.Config;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Sessions.Assurance;

/// <summary>
/// Every first factor × every second factor, over HTTP as an SDK client does it (strategies contract §6, §1.5, §2.3,
/// §3.3): after the first factor the session is aal1 and whoami, the session list and settings answer
/// <c>session_aal2_required</c>; the second factor on a <c>?aal=aal2</c> login flow of the same session makes it aal2 and
/// opens all three. Code as both factors is a configuration Kratos refuses.
/// </summary>
public abstract class AalMatrixTests<TApps>(TApps apps) : IClassFixture<TApps>
    where TApps : AalMatrixApps
{
    private const string Aal2Login = "http://localhost:4433/self-service/login/browser?aal=aal2";

    private static readonly string Aal2RequiredBody = JsonNode.Parse($$"""
        {"error":{"id":"session_aal2_required","code":403,"status":"Forbidden",
          "reason":"An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.",
          "details":{"redirect_browser_to":"{{Aal2Login}}"},
          "message":"Session does not fulfill the requested Authenticator Assurance Level"},
         "redirect_browser_to":"{{Aal2Login}}"}
        """)!.ToJsonString();

    [SkippableTheory]
    [InlineData("password", "totp")]
    [InlineData("password", "lookup_secret")]
    [InlineData("password", "code")]
    [InlineData("code", "totp")]
    [InlineData("code", "lookup_secret")]
    public async Task FirstFactor_LeavesAal1_UntilTheSecondFactorStepsUpTheSameSession(string first, string second)
    {
        var app = second == "code" ? apps.Mfa : apps.Passwordless;
        var identity = await app.ImportAsync(first, second);
        var client = new FlowClient(app, ClientKind.Api);

        var login = await app.FirstFactorAsync(client, first, identity);
        var loginBody = await login.JsonAsync();

        Assert.True(login.StatusCode == HttpStatusCode.OK, loginBody.ToJsonString());
        Assert.NotNull(client.SessionToken);
        // The session is issued but withheld: the token comes without the identity (contract §6.3).
        Assert.Null(loginBody["session"]!["identity"]);
        Assert.Equal("aal1", loginBody["session"]!["authenticator_assurance_level"]!.GetValue<string>());
        await AssertAal1GatedAsync(client);

        var stepUp = await client.InitAsync("login", "?aal=aal2");

        Assert.Equal("aal2", stepUp["requested_aal"]!.GetValue<string>());
        Assert.True(AalMatrixJourney.HasSecondFactorNode(stepUp, second, identity.Email), stepUp.ToJsonString());
        Assert.DoesNotContain(AalMatrixJourney.Nodes(stepUp), n => AalMatrixJourney.Name(n) == "password");

        var steppedUp = await app.SecondFactorAsync(client, stepUp, second, identity);
        var steppedUpBody = await steppedUp.JsonAsync();

        Assert.True(steppedUp.StatusCode == HttpStatusCode.OK, steppedUpBody.ToJsonString());
        Assert.Equal(identity.Id.ToString(), steppedUpBody["session"]!["identity"]!["id"]!.GetValue<string>());
        await AssertAal2OpenAsync(app, client, loginBody["session"]!["id"]!.GetValue<string>(), first, second);
    }

    [SkippableFact]
    public async Task BrowserSettingsSubmit_OfAnAal1Session_IsSentToTheAal2Login_ReturningToTheSubmission()
    {
        var app = apps.Passwordless;
        var identity = await app.ImportAsync("password", "none");
        var browser = new FlowClient(app, ClientKind.Browser);
        await browser.LoginAsync(identity.Email, AalMatrixJourney.Password);
        var flow = await browser.InitAsync("settings");
        await app.AddTotpAsync(identity.Id);

        var response = await browser.SubmitAsync(flow, new() { ["method"] = "profile", ["traits.email"] = identity.Email });

        // Kratos's settings error handler answers a browser's form post with a 303 to the aal2 login, which returns to
        // the submission's URL.
        var submitted = $"http://localhost:4433/self-service/settings?flow={flow["id"]}";
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{Aal2Login}&return_to={Uri.EscapeDataString(submitted)}", response.Headers.Location!.ToString());
    }

    [Fact]
    public void CodeAsBothFactors_IsRefusedAtStart_AsKratossConfigSchemaDoes()
    {
        var dir = Directory.CreateTempSubdirectory("custos-matrix-").FullName;
        try
        {
            string[] files = [Path.Combine(dir, "kratos.yml"), Path.Combine(dir, "code.yml")];
            File.WriteAllText(files[0], TestConfig.Yaml("memory", Path.Combine(dir, "unused.schema.json")));
            File.WriteAllText(files[1], AalMatrixApp.Yaml("passwordless_enabled: true", "mfa_enabled: true"));

            var error = Assert.Throws<ConfigurationException>(() => CustosConfiguration.Load(files, new Dictionary<string, string?>(), dev: true));

            Assert.Contains("selfservice.methods.code: passwordless_enabled and mfa_enabled cannot both be true", error.Errors);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task AssertAal1GatedAsync(FlowClient client)
    {
        var whoami = await client.WhoamiAsync();
        var sessions = await SendAsync(client, "/sessions");
        var apiSettings = await SendAsync(client, "/self-service/settings/api");
        var browserSettings = await SendAsync(client, "/self-service/settings/browser", json: false);

        Assert.Equal(HttpStatusCode.Forbidden, whoami.StatusCode);
        Assert.Equal("session_aal2_required", whoami.Headers.GetValues("Ory-Error-Id").Single());
        Assert.Equal(Aal2RequiredBody, (await whoami.JsonAsync()).ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, sessions.StatusCode);
        Assert.Equal(Aal2RequiredBody, (await sessions.JsonAsync()).ToJsonString());
        // A settings flow created without return_to sends the browser to the aal2 login as it is (Kratos adds
        // return_to only when the request had one).
        Assert.Equal(HttpStatusCode.Forbidden, apiSettings.StatusCode);
        Assert.Equal(Aal2RequiredBody, (await apiSettings.JsonAsync()).ToJsonString());
        Assert.Equal(HttpStatusCode.SeeOther, browserSettings.StatusCode);
        Assert.Equal(Aal2Login, browserSettings.Headers.Location!.ToString());
    }

    private static async Task AssertAal2OpenAsync(AalMatrixApp app, FlowClient client, string sessionId, string first, string second)
    {
        var whoami = await client.WhoamiAsync();
        var session = await whoami.JsonAsync();
        var sessions = await SendAsync(client, "/sessions");
        var apiSettings = await SendAsync(client, "/self-service/settings/api");
        var browserSettings = await SendAsync(client, "/self-service/settings/browser", json: false);

        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        Assert.Equal(sessionId, session["id"]!.GetValue<string>());
        Assert.Equal("aal2", session["authenticator_assurance_level"]!.GetValue<string>());
        var methods = session["authentication_methods"]!.AsArray()
            .Select(m => (m!["method"]!.GetValue<string>(), m["aal"]!.GetValue<string>()));
        Assert.Equal([(first, "aal1"), (second, "aal2")], methods);
        Assert.Equal(HttpStatusCode.OK, sessions.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiSettings.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, browserSettings.StatusCode);
        Assert.StartsWith(app.Options.Selfservice.Flows.Settings.UiUrl + "?flow=", browserSettings.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SendAsync(FlowClient client, string path, bool json = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        client.Authorize(request);
        if (json)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return client.Http.SendAsync(request);
    }
}

public sealed class SqliteAalMatrixTests(SqliteAalMatrixApps apps) : AalMatrixTests<SqliteAalMatrixApps>(apps);

public sealed class PostgresAalMatrixTests(PostgresAalMatrixApps apps) : AalMatrixTests<PostgresAalMatrixApps>(apps);
