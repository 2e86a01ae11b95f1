using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Admin;

/// <summary>Two app instances on one PostgreSQL database: a key made on one works on the other at once, and a revocation too.</summary>
public sealed class AdminKeyTwoNodeTests : IDisposable
{
    private readonly PostgresKeyedApp _first = new();
    private readonly KeyedApp _second;

    public AdminKeyTwoNodeTests()
    {
        _second = new KeyedApp { Dsn = _first.Dsn };
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [SkippableFact]
    public async Task KeyCreatedOnOneNode_WorksOnTheOther_RevokedEverywhereAtOnce()
    {
        var (_, root) = await _first.CreateKeyAsync(["admin"]);
        var created = await (await _first.Admin(root).PostJsonAsync("/admin/api-keys", """{"name":"node-test","scopes":["identities:read"]}""")).JsonAsync();
        var secret = created["key"]!.GetValue<string>();

        var onSecond = await _second.Admin(secret).GetAsync("/admin/identities");
        var revoke = await _first.Admin(root).DeleteAsync("/admin/api-keys/" + created["id"]!.GetValue<string>());
        var onSecondAfter = await _second.Admin(secret).GetAsync("/admin/identities");

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onSecondAfter.StatusCode);
    }
}
