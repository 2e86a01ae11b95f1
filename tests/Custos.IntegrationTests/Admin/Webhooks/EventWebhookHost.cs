using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Custos.Admin.Webhooks;
using Custos.Audit;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.SelfService.Hooks.WebHooks;
using Custos.Persistence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Custos.IntegrationTests.Admin.Webhooks;

/// <summary>
/// A Custos app for event webhook tests: SQLite (or a fresh PostgreSQL database, or a given DSN shared with another
/// host), the delivery worker with fast settings unless <c>worker</c> is false, a <c>secrets.cipher</c>, and a
/// receiver's loopback URLs exempt from the SSRF guard unless <c>allowLoopback</c> is false.
/// </summary>
public sealed class EventWebhookHost : CustosAppFactory
{
    public const string CipherSecret = "0123456789abcdef0123456789abcdef";

    internal EventWebhookHost(
        WebHookReceiver? receiver = null, bool allowLoopback = true, bool worker = true, bool postgres = false, string? dsn = null,
        EventWebhookSettings? settings = null, JsonObject? clientsHttp = null)
    {
        if (postgres)
        {
            UsePostgres();
        }

        if (dsn is not null)
        {
            Dsn = dsn;
        }

        var http = clientsHttp ?? new JsonObject();
        if (allowLoopback && receiver is not null)
        {
            http["private_ip_exception_urls"] = new JsonArray($"http://127.0.0.1:{receiver.Port}/**");
        }

        ExtraYaml = new JsonObject
        {
            ["clients"] = new JsonObject { ["http"] = http },
            ["secrets"] = new JsonObject { ["cipher"] = new JsonArray(CipherSecret) },
        }.ToJsonString();
        ReplaceServices = services =>
        {
            services.Replace(ServiceDescriptor.Singleton(settings ?? Fast));
            if (worker)
            {
                services.AddEventWebhookWorker();
            }
        };
    }

    /// <summary>Polls every 50 ms, retries after 100 ms, 200 ms, ..., gives an attempt 2 s.</summary>
    internal static EventWebhookSettings Fast { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(50),
        FirstRetry = TimeSpan.FromMilliseconds(100),
        AttemptTimeout = TimeSpan.FromSeconds(2),
        Lease = TimeSpan.FromSeconds(30),
    };

    /// <summary>Subscribes <paramref name="url"/> to <paramref name="events"/>; returns the create response's body.</summary>
    public async Task<JsonObject> SubscribeAsync(string url, params string[] events)
    {
        var body = new JsonObject { ["url"] = url, ["events"] = new JsonArray(events.Select(e => (JsonNode?)e).ToArray()) };
        var response = await Admin().PostJsonAsync("/admin/webhooks", body.ToJsonString());
        var json = await response.JsonAsync();
        return response.StatusCode == HttpStatusCode.Created
            ? json.AsObject()
            : throw new InvalidOperationException($"subscribe failed: {(int)response.StatusCode} {json.ToJsonString()}");
    }

    /// <summary>Appends an audit event through the app's own <see cref="IAuditLog"/>, as the flows will.</summary>
    internal async Task<AuditEvent> AppendAsync(string type, Guid? identityId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        return await log.AppendAsync(new AuditEntry(type, identityId, Details: new JsonObject { ["method"] = "password" }), CancellationToken.None);
    }

    public async Task<JsonArray> DeliveriesAsync(string webhookId)
    {
        var response = await Admin().GetAsync($"/admin/webhooks/{webhookId}/deliveries");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).AsArray();
    }

    /// <summary>Waits until every delivery of the webhook is delivered or abandoned and there are at least <paramref name="count"/>.</summary>
    public async Task<JsonArray> SettledDeliveriesAsync(string webhookId, int count, int seconds = 20)
    {
        JsonArray deliveries = [];
        for (var i = 0; i < seconds * 10; i++)
        {
            deliveries = await DeliveriesAsync(webhookId);
            if (deliveries.Count >= count && deliveries.All(d => d!["status"]!.GetValue<string>() is "delivered" or "abandoned"))
            {
                break;
            }

            await Task.Delay(100);
        }

        return deliveries;
    }

    internal async Task<T> QueryScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        return (await (await db.ConnectionAsync(CancellationToken.None)).ExecuteScalarAsync<T>(sql, parameters))!;
    }

    /// <summary>A receiver's check of a Standard Webhooks signature, written from the specification, not from Custos's code.</summary>
    public static bool SignatureIsValid(string secret, WebHookReceiver.Received request)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = $"{request.Header("webhook-id")}.{request.Header("webhook-timestamp")}.{request.Body}";
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed)));
        return (request.Header("webhook-signature") ?? "").Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), Encoding.ASCII.GetBytes(expected)));
    }
}
