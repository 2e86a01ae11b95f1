using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Sessions;
using Custos.Sessions;

namespace Custos.IntegrationTests.Ui;

/// <summary>
/// Social sign-in on the built-in pages: the provider buttons on sign-in and sign-up, "Connected accounts" in settings,
/// the pages' <c>form-action</c>, and the nodes' order in the API's flow JSON (strategies contract §0.2, §5.3, §5.11).
/// </summary>
public sealed partial class UiOidcPagesTests(BuiltinUiOidcApp app) : IClassFixture<BuiltinUiOidcApp>
{
    private const string Password = "correct horse battery staple";

    [SkippableFact]
    public async Task LoginPage_OffersEachProvider_BelowThePasswordForm_AfterAnOr()
    {
        var (_, html) = await new UiBrowser(app).OpenAsync("/ui/login");

        Assert.Contains(
            "<button type=\"submit\" name=\"provider\" value=\"local\" class=\"button secondary social\" data-provider=\"local\" formnovalidate=\"\">Sign in with Local IdP</button>",
            html, StringComparison.Ordinal);
        Assert.Contains("value=\"github\" class=\"button secondary social\" data-provider=\"github\" formnovalidate=\"\">Sign in with GitHub</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-sso", html, StringComparison.Ordinal);
        var password = html.IndexOf("name=\"password\"", StringComparison.Ordinal);
        var divider = html.IndexOf("<p class=\"divider\" role=\"separator\"><span>or</span></p>", StringComparison.Ordinal);
        Assert.InRange(divider, password, html.IndexOf("Sign in with GitHub", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task RegistrationPage_OffersSignUpWithEachProvider()
    {
        var (_, html) = await new UiBrowser(app).OpenAsync("/ui/registration");

        Assert.Contains("data-provider=\"local\" formnovalidate=\"\">Sign up with Local IdP</button>", html, StringComparison.Ordinal);
        Assert.Contains("data-provider=\"github\" formnovalidate=\"\">Sign up with GitHub</button>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"divider\" role=\"separator\"><span>or</span></p>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Csp_FormActionListsTheProvidersSignInOrigins_AndNothingWider()
    {
        var response = await new UiBrowser(app).Http.GetAsync("/ui/login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("form-action 'self' http://127.0.0.1:5599 http://localhost:4433 https://github.com; ", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("https:;", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("https: ", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("acme", csp, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ApiLoginFlow_ListsTheProviderButtonsFirst_SortedById_AsKratos()
    {
        var response = await app.Public().GetAsync("/self-service/login/api");
        var flow = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["oidc:provider=github:1010002", "oidc:provider=local:1010002", "default:identifier", "password:password", "password:method=password:1010022"],
            Shape(flow));
        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"provider","type":"submit","value":"local","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010002,"text":"Sign in with Local IdP","type":"info","context":{"provider":"Local IdP","provider_id":"local"}}}}""",
            flow["ui"]!["nodes"]![1]!.ToJsonString());
    }

    [SkippableFact]
    public async Task ApiRegistrationFlow_ListsSignUpButtonsFirst()
    {
        var flow = (await (await app.Public().GetAsync("/self-service/registration/api")).JsonAsync()).AsObject();

        Assert.Equal(["oidc:provider=github:1040002", "oidc:provider=local:1040002"], Shape(flow).Take(2));
        Assert.DoesNotContain(Shape(flow), s => s.Contains("acme", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Settings_WithPasswordAndOneProvider_OffersLinkForTheOther_AndUnlink()
    {
        var id = await ImportAsync(password: true, "local");

        var (html, flow) = await SettingsAsync(id);

        Assert.Contains("<h2 id=\"group-oidc-title\">Connected accounts</h2>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"link\" value=\"github\"", html, StringComparison.Ordinal);
        Assert.Contains(">Link GitHub</button>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"unlink\" value=\"local\"", html, StringComparison.Ordinal);
        Assert.Contains(">Unlink Local IdP</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-sso", html, StringComparison.Ordinal);
        // Kratos's settings order: the profile, the password, then oidc (strategies contract §0.2).
        Assert.Equal(["oidc:link=github:1050002", "oidc:unlink=local:1050003"], Shape(flow).Where(s => s.StartsWith("oidc:", StringComparison.Ordinal)));
        Assert.True(Shape(flow).FindIndex(s => s.StartsWith("oidc:", StringComparison.Ordinal)) > Shape(flow).FindLastIndex(s => s.StartsWith("password:", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Settings_WithOnlyOneProvider_NeverOffersToUnlinkIt()
    {
        var id = await ImportAsync(password: false, "local");

        var (html, _) = await SettingsAsync(id);

        Assert.Contains(">Link GitHub</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"unlink\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Settings_WithTwoProvidersAndNoPassword_OffersToUnlinkEither()
    {
        var id = await ImportAsync(password: false, "local", "github");

        var (html, _) = await SettingsAsync(id);

        Assert.DoesNotContain("name=\"link\"", html, StringComparison.Ordinal);
        Assert.Contains(">Unlink Local IdP</button>", html, StringComparison.Ordinal);
        Assert.Contains(">Unlink GitHub</button>", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AdminImport_AcceptsOidcCredentials_WithProviderSubjectIdentifiers()
    {
        var (id, tag) = await ImportTaggedAsync(password: false, "local", "github");

        var identity = (await (await app.Admin().GetAsync($"/admin/identities/{id}")).JsonAsync()).AsObject();

        Assert.Equal(
            [$"github:sub-github-{tag}", $"local:sub-local-{tag}"],
            identity["credentials"]!["oidc"]!["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    /// <summary>Imports an identity linked to <paramref name="providers"/> with the subjects <c>sub-{provider}-{tag}</c>.</summary>
    private async Task<Guid> ImportAsync(bool password, params string[] providers) => (await ImportTaggedAsync(password, providers)).Id;

    private async Task<(Guid Id, string Tag)> ImportTaggedAsync(bool password, params string[] providers)
    {
        var tag = Guid.NewGuid().ToString("N");
        var entries = string.Join(",", providers.Select(p => $$"""{"provider":"{{p}}","subject":"sub-{{p}}-{{tag}}"}"""));
        var secret = password ? $$$""","password":{"config":{"password":"{{{Password}}}"}}""" : "";
        var response = await app.Admin().PostJsonAsync("/admin/identities",
            $$$"""{"schema_id":"default","traits":{"email":"{{{tag}}}@example.com"},"credentials":{"oidc":{"config":{"providers":[{{{entries}}}]}}{{{secret}}}}}""");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        return (Guid.Parse(body["id"]!.GetValue<string>()), tag);
    }

    /// <summary>The settings page and its flow JSON for a browser signed in (by the session manager) as <paramref name="identityId"/>.</summary>
    private async Task<(string Html, JsonObject Flow)> SettingsAsync(Guid identityId)
    {
        var issued = await app.IssueSessionAsync(identityId, new AuthenticationMethod("oidc", "aal1", default));
        var client = app.PublicClient();
        client.DefaultRequestHeaders.Add("Cookie", app.CookieFor(issued));
        var response = await client.GetAsync("/ui/settings");
        for (var hops = 0; hops < 5 && response.Headers.Location is { } location; hops++)
        {
            response = await client.GetAsync(location);
        }

        var html = await response.Content.ReadAsStringAsync();
        var flowId = FlowId().Match(html).Groups[1].Value;
        var flow = (await (await client.GetAsync($"/self-service/settings/flows?id={flowId}")).JsonAsync()).AsObject();
        return (html, flow);
    }

    private static List<string> Shape(JsonObject flow) => flow["ui"]!["nodes"]!.AsArray()
        .Select(n => n!.AsObject())
        .Where(n => n["attributes"]!["name"]?.GetValue<string>() != "csrf_token" && !(n["attributes"]!["name"]?.GetValue<string>() ?? "").StartsWith("traits", StringComparison.Ordinal))
        .Select(n => $"{n["group"]}:{n["attributes"]!["name"]}" + (n["attributes"]!["type"]?.GetValue<string>() == "submit" ? $"={n["attributes"]!["value"]}" : "")
            + (n["meta"]!["label"]?["id"] is { } label && n["attributes"]!["type"]?.GetValue<string>() == "submit" ? $":{label}" : ""))
        .ToList();

    [GeneratedRegex("/self-service/settings\\?flow=([0-9a-f-]{36})")]
    private static partial Regex FlowId();
}
