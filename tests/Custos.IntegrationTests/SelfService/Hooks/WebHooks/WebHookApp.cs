using System.Text;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;
using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Hooks.WebHooks.Deliveries;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.IntegrationTests.SelfService.Hooks.WebHooks;

/// <summary>
/// A Custos app whose flows call web hooks at a <see cref="WebHookReceiver"/>: the hooks are given as the JSON of
/// <c>selfservice.flows</c> (YAML is a superset of JSON), the receiver's URLs are exempt from the SSRF guard unless
/// <c>allowLoopback</c> is false, and Kratos's client times are shortened so retries take milliseconds.
/// </summary>
internal static class WebHookApp
{
    /// <summary>A Jsonnet body that reports what a hook receives in its <c>ctx</c>.</summary>
    public const string ContextBody = """
        function(ctx) {
          flow_id: ctx.flow.id,
          flow_type: ctx.flow.type,
          transient_payload: if std.objectHas(ctx.flow, 'transient_payload') then ctx.flow.transient_payload else null,
          identity_id: if std.objectHas(ctx, 'identity') then ctx.identity.id else null,
          traits: if std.objectHas(ctx, 'identity') then ctx.identity.traits else null,
          identity_has_credentials: std.objectHas(ctx, 'identity') && std.objectHas(ctx.identity, 'credentials'),
          identity_has_metadata_admin: std.objectHas(ctx, 'identity') && std.objectHas(ctx.identity, 'metadata_admin'),
          session_id: if std.objectHas(ctx, 'session') then ctx.session.id else null,
          request_headers: ctx.request_headers,
          request_method: ctx.request_method,
          request_url: ctx.request_url,
          request_cookies: ctx.request_cookies,
          via_ext_var: std.extVar('ctx').flow.id,
        }
        """;

    public static string Base64(string jsonnet) => "base64://" + Convert.ToBase64String(Encoding.UTF8.GetBytes(jsonnet));

    /// <summary>A <c>web_hook</c> entry posting <see cref="ContextBody"/> (or <paramref name="body"/>) to <paramref name="url"/>.</summary>
    public static JsonObject Hook(string url, JsonObject? response = null, JsonObject? auth = null, string? body = null, string method = "POST", Action<JsonObject>? more = null)
    {
        var config = new JsonObject { ["url"] = url, ["method"] = method, ["body"] = body ?? Base64(ContextBody) };
        if (response is not null)
        {
            config["response"] = response;
        }

        if (auth is not null)
        {
            config["auth"] = auth;
        }

        more?.Invoke(config);
        return new JsonObject { ["hook"] = "web_hook", ["config"] = config };
    }

    /// <summary><c>{after: {password: {hooks: [...]}}}</c> for a flow.</summary>
    public static JsonObject AfterPassword(params JsonObject[] hooks) =>
        new() { ["after"] = new JsonObject { ["password"] = new JsonObject { ["hooks"] = new JsonArray(hooks.Select(h => (JsonNode?)h).ToArray()) } } };

    public static CustosAppFactory Create(
        JsonObject flows,
        WebHookReceiver? receiver = null,
        bool allowLoopback = true,
        WebHookDeliverySettings? delivery = null,
        WebHookClientSettings? client = null,
        string? dsn = null,
        JsonObject? clientsHttp = null,
        Action<JsonObject>? configure = null,
        int? port = null)
    {
        var http = clientsHttp ?? new JsonObject();
        if (allowLoopback && (port ?? receiver?.Port) is { } exempt)
        {
            http["private_ip_exception_urls"] = new JsonArray($"http://127.0.0.1:{exempt}/**");
        }

        var extra = new JsonObject
        {
            ["clients"] = new JsonObject { ["http"] = http },
            ["selfservice"] = new JsonObject { ["flows"] = flows.DeepClone() },
        };
        configure?.Invoke(extra);
        return new CustosAppFactory
        {
            Dsn = dsn,
            ExtraYaml = extra.ToJsonString(),
            ReplaceServices = services =>
            {
                services.Replace(ServiceDescriptor.Singleton(client ?? new WebHookClientSettings
                {
                    AttemptTimeout = TimeSpan.FromSeconds(5),
                    FirstRetryWait = TimeSpan.FromMilliseconds(20),
                }));
                services.Replace(ServiceDescriptor.Singleton(delivery ?? Fast));
            },
        };
    }

    /// <summary>Delivery settings that poll every 50 ms and retry after 100 ms, 300 ms, ...</summary>
    public static WebHookDeliverySettings Fast { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(50),
        FirstRetry = TimeSpan.FromMilliseconds(100),
        Lease = TimeSpan.FromSeconds(30),
    };

    /// <summary>Runs <paramref name="work"/> on the app's delivery queue.</summary>
    public static async Task<T> WithDeliveryStoreAsync<T>(this CustosAppFactory app, Func<IWebHookDeliveryStore, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IWebHookDeliveryStore>());
    }
}
