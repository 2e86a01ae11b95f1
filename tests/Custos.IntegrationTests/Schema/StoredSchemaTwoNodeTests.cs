using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Schema;

/// <summary>
/// Two app instances on one PostgreSQL database, as two nodes behind a load balancer: a schema stored or replaced on
/// one is used by the other on its very next request, with no cache to wait out.
/// </summary>
public sealed class StoredSchemaTwoNodeTests : IClassFixture<PostgresAppFactory>, IDisposable
{
    private readonly PostgresAppFactory _first;
    private readonly CustosAppFactory? _second;

    public StoredSchemaTwoNodeTests(PostgresAppFactory first)
    {
        _first = first;
        _second = first.Unavailable is null ? new CustosAppFactory { Dsn = first.Dsn } : null;
    }

    [SkippableFact]
    public async Task PutOnOneNode_CreatesIdentityOnTheOther_AtOnce()
    {
        var id = StoredSchemas.NewId();
        var firstAdmin = _first.Admin();
        var secondAdmin = _second!.Admin();
        await secondAdmin.GetAsync("/admin/identity-schemas/" + id); // the second node has looked the id up and found nothing

        var put = await firstAdmin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        var created = await secondAdmin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "user" + Guid.NewGuid().ToString("N")[..8]));
        var listed = (await (await _second.Public().GetAsync("/schemas")).JsonAsync()).AsArray();

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(listed, s => s!["id"]!.GetValue<string>() == id);
    }

    [SkippableFact]
    public async Task ReplaceOnOneNode_TheOtherEnforcesTheNewRules_AtOnce()
    {
        var id = StoredSchemas.NewId();
        var firstAdmin = _first.Admin();
        var secondAdmin = _second!.Admin();
        await firstAdmin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username(3));
        var before = await secondAdmin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "abcd" + Guid.NewGuid().ToString("N")[..2]));

        var replaced = await firstAdmin.SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username(12));
        var after = await secondAdmin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "efgh" + Guid.NewGuid().ToString("N")[..2]));
        var error = (await after.JsonAsync()).ToJsonString();

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Contains("minLength", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DeleteOnOneNode_TheOtherNoLongerAcceptsTheSchema()
    {
        var id = StoredSchemas.NewId();
        var secondAdmin = _second!.Admin();
        await _first.Admin().SendJsonAsync(HttpMethod.Put, $"/admin/identity-schemas/{id}", StoredSchemas.Username());
        await secondAdmin.GetAsync($"/schemas/{id}"); // compiled and cached on the second node

        var deleted = await _first.Admin().DeleteAsync($"/admin/identity-schemas/{id}");
        var create = await secondAdmin.PostJsonAsync("/admin/identities", StoredSchemas.IdentityWith(id, "late" + Guid.NewGuid().ToString("N")[..6]));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
    }

    public void Dispose() => _second?.Dispose();
}
