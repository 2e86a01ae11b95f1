using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.AddressFlows;

namespace Custos.IntegrationTests.SelfService;

/// <summary>
/// The query parameters of every flow-creation endpoint, each missing, empty, valid and invalid, for browser and API
/// clients. An empty value is a missing one (Ory's UIs send <c>?aal=&amp;refresh=&amp;return_to=...</c>); invalid values
/// are answered as Kratos answers them.
/// </summary>
public sealed partial class FlowQueryTests(AddressFlowApp app) : IClassFixture<AddressFlowApp>
{
    private const string Password = "correct horse battery staple";
    private const string Next = "http://localhost:4455/next";
    private const string Evil = "https://evil.example/";

    // Expectations: "flow" plus checks ("key=value" a string or bool field, "!key" an absent field), "error CODE [ID]",
    // "redirect URL"; "BROWSER | API" when the two clients are answered differently.
    private const string SignedIn = "redirect http://localhost:4455/ | error 400 session_already_available";

    public static readonly (string Flow, string Query, bool Session, string Expect)[] Table =
    [
        ("login", "", false, "flow requested_aal=aal1 refresh=false !return_to !identity_schema"),
        ("login", "?aal=", false, "flow requested_aal=aal1"),
        ("login", "?aal=AAL1", false, "flow requested_aal=aal1"),
        ("login", "?aal=aal9", false, "error 400"),
        ("login", "?aal=aal2", false, "error 401 session_aal1_required"),
        ("login", "?refresh=", false, "flow refresh=false"),
        ("login", "?refresh=true", false, "flow refresh=false"), // nothing to refresh without a session
        ("login", "?refresh=maybe", false, "flow refresh=false"),
        ("login", "?return_to=", false, "flow !return_to"),
        ("login", $"?return_to={Next}", false, $"flow return_to={Next}"),
        ("login", $"?return_to={Evil}", false, "error 400 self_service_flow_return_to_forbidden"),
        ("login", "?identity_schema=", false, "flow !identity_schema"),
        ("login", "?identity_schema=default", false, "flow identity_schema=default"),
        ("login", "?identity_schema=nope", false, "error 400"),
        ("login", "?organization=", false, "flow"),
        ("login", "?organization=not-a-uuid", false, "flow"), // Kratos drops an unreadable organization
        ("login", "?via=", false, "flow"),
        ("login", "?login_challenge=", false, "flow"),
        ("login", "", true, SignedIn),
        ("login", "?refresh=", true, SignedIn),
        ("login", "?aal=&refresh=", true, SignedIn),
        ("login", "?refresh=maybe", true, SignedIn), // strconv.ParseBool fails, Kratos reads false
        ("login", "?refresh=1", true, "flow refresh=true requested_aal=aal1"),
        ("login", "?refresh=True&aal=", true, "flow refresh=true requested_aal=aal1"),
        ("login", "?refresh=true&aal=aal9", true, "error 400"),
        ("registration", "", false, "flow !return_to !identity_schema"),
        ("registration", "?return_to=", false, "flow !return_to"),
        ("registration", $"?return_to={Next}", false, $"flow return_to={Next}"),
        ("registration", $"?return_to={Evil}", false, "error 400 self_service_flow_return_to_forbidden"),
        ("registration", "?identity_schema=", false, "flow !identity_schema"),
        ("registration", "?identity_schema=default", false, "flow identity_schema=default"),
        ("registration", "?identity_schema=nope", false, "error 400"),
        ("registration", "?organization=&login_challenge=&after_verification_return_to=", false, "flow"),
        ("settings", "", true, "flow !return_to"),
        ("settings", "?return_to=", true, "flow !return_to"),
        ("settings", $"?return_to={Next}", true, $"flow return_to={Next}"),
        ("settings", $"?return_to={Evil}", true, "error 400 self_service_flow_return_to_forbidden"),
        ("settings", "?organization=", true, "flow"),
        ("settings", "?return_to=", false, "redirect http://localhost:4433/self-service/login/browser | error 401 session_inactive"),
        ("recovery", "", false, "flow !return_to"),
        ("recovery", "?return_to=", false, "flow !return_to"),
        ("recovery", $"?return_to={Next}", false, $"flow return_to={Next}"),
        ("recovery", $"?return_to={Evil}", false, "error 400 self_service_flow_return_to_forbidden"),
        ("recovery", "?skip_settings=", false, "flow"),
        ("recovery", "?skip_settings=maybe", false, "flow"),
        ("verification", "", false, "flow !return_to"),
        ("verification", "?return_to=", false, "flow !return_to"),
        ("verification", $"?return_to={Next}", false, $"flow return_to={Next}"),
        ("verification", $"?return_to={Evil}", false, "error 400 self_service_flow_return_to_forbidden"),
    ];

    public static IEnumerable<object[]> Cases() =>
        from row in Table
        from kind in new[] { ClientKind.Browser, ClientKind.Api }
        select new object[] { kind, row.Flow, row.Query, row.Session, row.Expect };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task CreateFlow_QueryParameter(ClientKind kind, string flow, string query, bool session, string expect)
    {
        var client = await ClientAsync(kind, session);

        var outcome = await CreateAsync(client, flow, query);

        var parts = expect.Split(" | ");
        AssertOutcome(kind == ClientKind.Browser || parts.Length == 1 ? parts[0] : parts[1], outcome);
    }

    private async Task<FlowClient> ClientAsync(ClientKind kind, bool signedIn)
    {
        var client = new FlowClient(app, kind);
        if (signedIn)
        {
            var email = $"{Guid.NewGuid():N}@example.com";
            await app.Admin().CreateIdentityAsync(email, Password);
            var login = await client.LoginAsync(email, Password);
            Assert.True(login.StatusCode is HttpStatusCode.OK or HttpStatusCode.SeeOther, await login.Content.ReadAsStringAsync());
        }

        return client;
    }

    /// <summary>What a client ends up with: a flow, an error (browsers: read back from the error UI's id) or a redirect elsewhere.</summary>
    private sealed record Outcome(string Kind, JsonObject? Body = null, string? Location = null);

    private static async Task<Outcome> CreateAsync(FlowClient client, string flow, string query, bool json = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{flow}/{(client.Kind == ClientKind.Api ? "api" : "browser")}{query}");
        client.Authorize(request);
        if (json)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        var response = await client.Http.SendAsync(request);
        if (response.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.Found)
        {
            var location = response.Headers.Location!.ToString();
            var id = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
            if (location.StartsWith("http://localhost:4455/error?", StringComparison.Ordinal))
            {
                var error = await (await client.Http.GetAsync($"/self-service/errors?id={id["id"]}")).JsonAsync();
                return new Outcome("error", error["error"]!.AsObject());
            }

            return location.StartsWith($"http://localhost:4455/{flow}?flow=", StringComparison.Ordinal)
                ? new Outcome("flow", await client.GetFlowAsync(flow, id["flow"]!))
                : new Outcome("redirect", Location: location);
        }

        var body = (await response.JsonAsync()).AsObject();
        return response.StatusCode == HttpStatusCode.OK ? new Outcome("flow", body) : new Outcome("error", body["error"]!.AsObject());
    }

    private static void AssertOutcome(string expect, Outcome outcome)
    {
        var words = expect.Split(' ');
        Assert.True(words[0] == outcome.Kind, $"expected {expect}, got {outcome.Kind} {outcome.Body?.ToJsonString() ?? outcome.Location}");
        switch (words[0])
        {
            case "redirect":
                Assert.Equal(words[1], outcome.Location);
                break;
            case "error":
                Assert.Equal(int.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture), outcome.Body!["code"]!.GetValue<int>());
                Assert.False(string.IsNullOrEmpty(outcome.Body["message"]?.GetValue<string>()));
                if (words.Length > 2)
                {
                    Assert.Equal(words[2], outcome.Body["id"]?.GetValue<string>());
                }

                break;
            default:
                foreach (var check in words.Skip(1))
                {
                    if (check.StartsWith('!'))
                    {
                        Assert.False(outcome.Body!.ContainsKey(check[1..]), $"{check[1..]} present: {outcome.Body.ToJsonString()}");
                        continue;
                    }

                    var (key, value) = (check[..check.IndexOf('=')], check[(check.IndexOf('=') + 1)..]);
                    Assert.Equal(value, outcome.Body![key]?.ToString());
                }

                break;
        }
    }
}
