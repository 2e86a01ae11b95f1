using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Custos.IntegrationTests.Infrastructure;

/// <summary>The three kinds of Kratos clients.</summary>
public enum ClientKind
{
    Browser,
    Spa,
    Api,
}

/// <summary>
/// Drives self-service flows like the three kinds of Kratos clients do: a browser (cookie jar, form posts,
/// manual redirects), an SPA (cookie jar, JSON) and a native app (no cookies, session tokens).
/// </summary>
public sealed class FlowClient
{
    public FlowClient(CustosAppFactory app, ClientKind kind)
    {
        Skip.If(app.Unavailable is not null, app.Unavailable);
        Kind = kind;
        Http = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://localhost:{CustosAppFactory.PublicPort}/"),
            AllowAutoRedirect = false,
            HandleCookies = kind != ClientKind.Api,
        });
    }

    public ClientKind Kind { get; }

    public HttpClient Http { get; }

    public string? SessionToken { get; set; }

    private string Segment => Kind == ClientKind.Api ? "api" : "browser";

    /// <summary>Creates a flow and returns its JSON (browsers follow the 303 to the UI and fetch the flow like a UI would).</summary>
    public async Task<JsonObject> InitAsync(string flow, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{flow}/{Segment}{query}");
        Authorize(request);
        if (Kind != ClientKind.Browser)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        var response = await Http.SendAsync(request);
        if (Kind == ClientKind.Browser)
        {
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            var id = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query)["flow"];
            return await GetFlowAsync(flow, id!);
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    public async Task<JsonObject> GetFlowAsync(string flow, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/self-service/{flow}/flows?id={id}");
        Authorize(request);
        var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Submits <paramref name="fields"/> (dotted names) to the flow, with its CSRF token for browser kinds.</summary>
    public Task<HttpResponseMessage> SubmitAsync(JsonObject flow, Dictionary<string, string> fields, string? csrfOverride = null)
    {
        var kind = flow["ui"]!["action"]!.GetValue<string>();
        var action = new Uri(kind).PathAndQuery;
        var csrf = csrfOverride ?? CsrfToken(flow);
        var all = new Dictionary<string, string>(fields);
        if (Kind != ClientKind.Api && csrf is not null)
        {
            all["csrf_token"] = csrf;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, action);
        Authorize(request);
        if (Kind == ClientKind.Browser)
        {
            request.Content = new FormUrlEncodedContent(all);
        }
        else
        {
            var json = new JsonObject();
            foreach (var (k, v) in all)
            {
                json[k] = v;
            }

            request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        return Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> WhoamiAsync()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/sessions/whoami");
        Authorize(request);
        return await Http.SendAsync(request);
    }

    public static string? CsrfToken(JsonObject flow) =>
        flow["ui"]!["nodes"]!.AsArray().FirstOrDefault(n => n!["attributes"]!["name"]?.GetValue<string>() == "csrf_token")?["attributes"]!["value"]?.GetValue<string>();

    public void Authorize(HttpRequestMessage request)
    {
        if (SessionToken is not null)
        {
            request.Headers.Add("X-Session-Token", SessionToken);
        }
    }

    /// <summary>Registers (password method) and, for native clients, keeps the session token.</summary>
    public async Task<HttpResponseMessage> RegisterAsync(string email, string password)
    {
        var flow = await InitAsync("registration");
        var response = await SubmitAsync(flow, new() { ["method"] = "password", ["traits.email"] = email, ["password"] = password });
        if (Kind == ClientKind.Api && response.StatusCode == HttpStatusCode.OK)
        {
            SessionToken = (await response.JsonAsync())["session_token"]!.GetValue<string>();
        }

        return response;
    }

    public async Task<HttpResponseMessage> LoginAsync(string identifier, string password)
    {
        var flow = await InitAsync("login");
        var response = await SubmitAsync(flow, new() { ["method"] = "password", ["identifier"] = identifier, ["password"] = password });
        if (Kind == ClientKind.Api && response.StatusCode == HttpStatusCode.OK)
        {
            SessionToken = (await response.JsonAsync())["session_token"]!.GetValue<string>();
        }

        return response;
    }

    public static IEnumerable<string> MessageIds(JsonObject flow) =>
        (flow["ui"]!["messages"]?.AsArray() ?? []).Select(m => m!["id"]!.ToString())
            .Concat(flow["ui"]!["nodes"]!.AsArray().SelectMany(n => n!["messages"]!.AsArray().Select(m => m!["id"]!.ToString())));
}
