using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Custos.IntegrationTests.Hosting;

/// <summary>
/// Every route that takes a body, found in the app's route table, answers bad JSON with a 4xx and Kratos's envelope
/// (never a 5xx) and writes nothing: no identity, session, flow, code or message changes.
/// </summary>
public sealed class MalformedBodyTests(MalformedBodyApp app) : IClassFixture<MalformedBodyApp>, IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH", "DELETE"];

    private BodyTargets _targets = null!;

    public static TheoryData<string> Malformed => new(MalformedBodies.Keys);

    private static readonly Dictionary<string, byte[]> MalformedBodies = new()
    {
        ["invalid UTF-8"] = [0x7b, 0x22, 0x6d, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d],
        ["invalid UTF-8 in a value"] = [.. "{\"method\":\"password\",\"traits\":{\"email\":\""u8, 0xc3, 0x28, .. "\"}}"u8],
        ["unpaired surrogate escape"] = "{\"method\":\"password\",\"identity_id\":\"\\ud800\",\"session_token\":\"\\udc00\"}"u8.ToArray(),
        ["duplicate member"] = "{\"method\":\"password\",\"method\":\"code\"}"u8.ToArray(),
        ["truncated"] = "{\"method\":\"password\",\"traits\":{\"email\":\"a@b.c\""u8.ToArray(),
        ["top-level string"] = "\"method=password\""u8.ToArray(),
        ["top-level array"] = "[1,2,3]"u8.ToArray(),
        ["5000-deep nesting"] = Encoding.ASCII.GetBytes("{\"traits\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5001)),
    };

    public async Task InitializeAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var identity = await app.Admin().CreateIdentityAsync(email, Password);
        var api = new FlowClient(app, ClientKind.Api);
        Assert.Equal(HttpStatusCode.OK, (await api.LoginAsync(email, Password)).StatusCode);
        var flows = new Dictionary<string, string>();
        foreach (var kind in new[] { "login", "registration", "recovery", "verification" })
        {
            flows[kind] = (await new FlowClient(app, ClientKind.Api).InitAsync(kind))["id"]!.GetValue<string>();
        }

        flows["settings"] = (await api.InitAsync("settings"))["id"]!.GetValue<string>();
        _targets = new BodyTargets(identity["id"]!.GetValue<string>(), api.SessionToken!, flows);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [SkippableFact]
    public void EveryRouteThatTakesABody_IsInTheTable()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Intersect(BodyMethods)
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var table = BodyRoutes.All.Select(r => r.Key).ToHashSet();

        Assert.True(routes.Count > 20, string.Join(", ", routes));
        Assert.Empty(routes.Except(table));
        Assert.Empty(table.Except(routes));
    }

    [SkippableTheory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedJson_Is4xxWithTheEnvelope_OnEveryRoute_AndWritesNothing(string kind)
    {
        var failures = new List<string>();

        foreach (var route in BodyRoutes.All)
        {
            var before = await DatabaseFingerprint.TakeAsync(app);

            var response = await SendAsync(route, Json(MalformedBodies[kind]));

            var after = await DatabaseFingerprint.TakeAsync(app);
            failures.AddRange(await CheckAsync(route, response, HttpStatusCode.BadRequest));
            failures.AddRange(Changes(route.Key, before, after));
        }

        Assert.True(failures.Count == 0, kind + ":\n" + string.Join("\n", failures));
    }

    [SkippableTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task HundredMegabyteBody_Is413Quickly_WithoutBeingReadWhole(bool declareLength)
    {
        const long size = 100L * 1024 * 1024;
        var failures = new List<string>();

        foreach (var route in BodyRoutes.All)
        {
            var content = new GeneratedContent("{\"traits\":{\"email\":\""u8.ToArray(), size, declareLength);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            var before = await DatabaseFingerprint.TakeAsync(app);
            var clock = Stopwatch.StartNew();

            var response = await SendAsync(route, content);

            clock.Stop();
            var after = await DatabaseFingerprint.TakeAsync(app);
            failures.AddRange(await CheckAsync(route, response, HttpStatusCode.RequestEntityTooLarge));
            failures.AddRange(Changes(route.Key, before, after));
            if (content.Sent > 8L * 1024 * 1024 || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                failures.Add($"{route.Key}: read {content.Sent} bytes in {clock.ElapsedMilliseconds} ms");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public async Task BrowserFlow_UndecodableBody_GoesToTheErrorUi_WithA400_AndWritesNothingElse()
    {
        var browser = new FlowClient(app, ClientKind.Browser);
        var flow = await browser.InitAsync("login");
        var request = new HttpRequestMessage(HttpMethod.Post, "/self-service/login?flow=" + flow["id"]) { Content = Json(MalformedBodies["invalid UTF-8"]) };
        // With a charset the request is not a JSON request in Kratos's sense, so the browser flow's error UI answers.
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        request.Headers.Accept.ParseAdd("text/html");
        var before = await DatabaseFingerprint.TakeAsync(app, "selfservice_errors");

        var response = await browser.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("http://localhost:4455/error?id=", location, StringComparison.Ordinal);
        var stored = await (await app.Public().GetAsync("/self-service/errors?id=" + location.Split("id=")[1])).JsonAsync();
        Assert.Equal(400, stored["error"]!["code"]!.GetValue<int>());
        Assert.Empty(Changes("POST /self-service/login", before, await DatabaseFingerprint.TakeAsync(app, "selfservice_errors")));
    }

    private async Task<HttpResponseMessage> SendAsync(BodyRoute route, HttpContent content)
    {
        var client = route.Admin ? app.Admin() : app.Public();
        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Url(_targets)) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (route.WithSessionToken)
        {
            request.Headers.Add("X-Session-Token", _targets.SessionToken);
        }

        return await client.SendAsync(request);
    }

    private static async Task<IEnumerable<string>> CheckAsync(BodyRoute route, HttpResponseMessage response, HttpStatusCode expected)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return [$"{route.Key}: {status} {text}"];
        }

        if (route.Use != BodyUse.Json)
        {
            return [];
        }

        if (response.StatusCode != expected)
        {
            return [$"{route.Key}: {status}, expected {(int)expected}: {text}"];
        }

        var error = (JsonNode.Parse(text) as JsonObject)?["error"];
        return error?["code"]?.GetValue<int>() == status && !string.IsNullOrEmpty(error["message"]?.GetValue<string>())
            && !text.Contains("   at ", StringComparison.Ordinal)
            ? []
            : [$"{route.Key}: not Kratos's error envelope: {text}"];
    }

    private static IEnumerable<string> Changes(string route, SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
        after.Where(t => !before.TryGetValue(t.Key, out var was) || was != t.Value).Select(t => $"{route}: wrote to {t.Key}");

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
