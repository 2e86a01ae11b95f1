using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Cli;

/// <summary><c>custos serve</c> as a real process: Kratos's quickstart configs, SIGTERM, the identities CLI.</summary>
public sealed class ServeProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("custos-serve-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Quickstarts() => ["all-strategies", "email-password", "passkey", "phone-password", "webauthn"];

    [Theory]
    [MemberData(nameof(Quickstarts))]
    public async Task QuickstartConfig_StartsUnchanged_AndServesIdentities(string name)
    {
        var folder = TestFixtures.Quickstart(name);
        var (publicPort, adminPort) = (CustosProcess.FreePort(), CustosProcess.FreePort());
        // The configs name schema files inside Kratos's container; point at the same files here, as a Kratos user would.
        var env = new Dictionary<string, string>
        {
            ["DSN"] = "memory",
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_BASE_URL"] = $"http://127.0.0.1:{adminPort}/",
            ["IDENTITY_SCHEMAS_0_URL"] = "file://" + Path.Combine(folder, "identity.schema.json"),
        };

        await using var server = CustosProcess.Start(["serve", "-c", Path.Combine(folder, "kratos.yml")], env);
        await server.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{adminPort}/") };
        var email = $"{Guid.NewGuid():N}@example.com";
        var traits = name == "phone-password" ? $$"""{"email":"{{email}}","phone":"+49 151 1234 5678"}""" : $$"""{"email":"{{email}}"}""";
        var created = await client.PostAsync("/admin/identities", new StringContent($$"""{"traits":{{traits}}}""", System.Text.Encoding.UTF8, "application/json"));

        var body = await created.Content.ReadAsStringAsync();

        Assert.True(created.StatusCode == HttpStatusCode.Created, body);
        if (name == "phone-password")
        {
            Assert.Contains("\"+4915112345678\"", body, StringComparison.Ordinal);
        }

        // Each quickstart's browser forms carry its methods' nodes (as JSON for a SPA).
        using var spa = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{publicPort}/") };
        spa.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        var login = await spa.GetAsync("/self-service/login/browser");
        var registration = await spa.GetAsync("/self-service/registration/browser");
        var form = await login.Content.ReadAsStringAsync();

        // Registration is profile-first by default: the methods show on its second screen.
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (login.StatusCode, registration.StatusCode));
        Assert.Equal(name is "passkey" or "all-strategies", form.Contains("\"passkey_challenge\"", StringComparison.Ordinal));
        Assert.Equal(name is "webauthn" or "passkey" or "all-strategies", form.Contains("\"value\":\"webauthn\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DevWithoutConfig_UsesLocalSqliteAndBuiltinSchema_AndStopsOnSigterm()
    {
        var (server, publicPort, adminPort) = await CustosProcess.StartDevWithoutConfigAsync(_dir);
        await using var _ = server;
        using var client = new HttpClient();
        var created = await client.PostAsync($"http://127.0.0.1:{adminPort}/admin/identities",
            new StringContent("""{"traits":{"email":"dev@example.com","name":{"first":"Dev"}}}""", System.Text.Encoding.UTF8, "application/json"));
        var schemas = await client.GetStringAsync($"http://127.0.0.1:{publicPort}/schemas");

        var code = await server.TerminateAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("ory.sh/kratos", schemas, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir, "custos.db")));
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task IdentitiesCommands_ImportGetListDelete_AgainstRunningServer()
    {
        var (publicPort, adminPort) = (CustosProcess.FreePort(), CustosProcess.FreePort());
        var env = new Dictionary<string, string>
        {
            ["SERVE_PUBLIC_PORT"] = publicPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SERVE_ADMIN_PORT"] = adminPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DSN"] = "memory",
        };
        await using var server = CustosProcess.Start(["serve", "--dev"], env, _dir);
        await server.WaitForOkAsync($"http://127.0.0.1:{adminPort}/health/ready");
        var admin = new Dictionary<string, string> { ["KRATOS_ADMIN_URL"] = $"http://127.0.0.1:{adminPort}" };
        var file = Path.Combine(_dir, "identities.json");
        await File.WriteAllTextAsync(file, """[{"traits":{"email":"one@example.com"}},{"traits":{"email":"two@example.com"}}]""");

        var import = await CustosProcess.RunAsync(["identities", "import", file], admin);
        var ids = JsonNode.Parse(import.Stdout)!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        var get = await CustosProcess.RunAsync(["identities", "get", ids[0], "--format", "json"], admin);
        var list = await CustosProcess.RunAsync(["identities", "list", "-e", $"http://127.0.0.1:{adminPort}"]);
        var delete = await CustosProcess.RunAsync(["identities", "delete", ids[0]], admin);
        var gone = await CustosProcess.RunAsync(["identities", "get", ids[0]], admin);
        var noEndpoint = await CustosProcess.RunAsync(["identities", "list"]);

        Assert.Equal(0, import.Code);
        Assert.Equal(2, ids.Count);
        Assert.Equal("one@example.com", JsonNode.Parse(get.Stdout)!["traits"]!["email"]!.GetValue<string>());
        Assert.Equal(2, JsonNode.Parse(list.Stdout)!.AsArray().Count);
        Assert.Equal(0, delete.Code);
        Assert.NotEqual(0, gone.Code);
        Assert.Contains("404", gone.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(0, noEndpoint.Code);
        Assert.Contains("KRATOS_ADMIN_URL", noEndpoint.Stderr, StringComparison.Ordinal);
    }
}
