using System.Net;
using Custos.IntegrationTests.Infrastructure;
using Custos.IntegrationTests.Schema;

namespace Custos.IntegrationTests.Audit;

/// <summary>
/// Admin writes beyond the identity routes leave one audit event each (issue 14 §2: every admin write), and none when
/// the write changed nothing; never the key, the webhook secret or a session token.
/// </summary>
public sealed class AdminWriteAuditTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [SkippableFact]
    public async Task KeysSchemasWebhooksSessionsAndThrottling_AreAudited_WithoutTheirSecrets()
    {
        var admin = app.Admin();
        var key = await (await admin.PostJsonAsync("/admin/api-keys", """{"name":"audited","scopes":["identities:read"]}""")).JsonAsync();
        var keyId = key["id"]!.GetValue<string>();
        var revoke = await admin.DeleteAsync($"/admin/api-keys/{keyId}");
        var revokeAgain = await admin.DeleteAsync($"/admin/api-keys/{keyId}");
        var schemaId = "audited-" + Guid.NewGuid().ToString("N")[..8];
        var put = await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{schemaId}", StoredSchemas.Username());
        var deleteSchema = await admin.DeleteAsync($"/admin/identity-schemas/{schemaId}");
        var hook = await (await admin.PostJsonAsync("/admin/webhooks", """{"url":"https://hooks.example.com/in","events":["identity.*"]}""")).JsonAsync();
        var deleteHook = await admin.DeleteAsync($"/admin/webhooks/{hook["id"]!.GetValue<string>()}");
        var registered = await (await new FlowClient(app, ClientKind.Api).RegisterAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple 7")).JsonAsync();
        var sessionId = registered["session"]!["id"]!.GetValue<string>();
        var identityId = Guid.Parse(registered["identity"]!["id"]!.GetValue<string>());
        var extend = await admin.PatchAsync($"/admin/sessions/{sessionId}/extend", null);
        var clear = await admin.DeleteAsync($"/admin/identities/{identityId}/throttling");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokeAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteSchema.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleteHook.StatusCode);
        Assert.True(extend.IsSuccessStatusCode, $"extend answered {(int)extend.StatusCode}");
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);

        var created = Assert.Single(await app.OfTypeAsync("admin_key.created"), r => r.Details["key_id"]?.GetValue<string>() == keyId);
        Assert.DoesNotContain(key["key"]!.GetValue<string>(), created.Raw, StringComparison.Ordinal);
        Assert.Single(await app.OfTypeAsync("admin_key.revoked"), r => r.Details["key_id"]?.GetValue<string>() == keyId);
        Assert.Single(await app.OfTypeAsync("identity_schema.updated"), r => r.Details["schema_id"]?.GetValue<string>() == schemaId);
        Assert.Single(await app.OfTypeAsync("identity_schema.deleted"), r => r.Details["schema_id"]?.GetValue<string>() == schemaId);
        var hookCreated = Assert.Single(await app.OfTypeAsync("webhook.created"), r => r.Details["webhook_id"]?.GetValue<string>() == hook["id"]!.GetValue<string>());
        Assert.DoesNotContain(hook["secret"]!.GetValue<string>(), hookCreated.Raw, StringComparison.Ordinal);
        Assert.Single(await app.OfTypeAsync("webhook.deleted"), r => r.Details["webhook_id"]?.GetValue<string>() == hook["id"]!.GetValue<string>());
        var rows = await app.ForIdentityAsync(identityId);
        Assert.Single(rows.OfType("session.extended"), r => r.Details["session_id"]?.GetValue<string>() == sessionId);
        Assert.Single(rows.OfType("throttling.cleared"));
        Assert.All(rows.OfType("session.extended"), r => Assert.Equal("system", r.ActorKind));
    }
}
