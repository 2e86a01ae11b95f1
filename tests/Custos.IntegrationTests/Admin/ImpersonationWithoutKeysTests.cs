using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Admin;

/// <summary>Impersonation when the admin API takes no keys: the session names no key (null), unless a valid one is sent anyway.</summary>
public sealed class ImpersonationWithoutKeysTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [SkippableFact]
    public async Task WithoutKey_ImpersonatorKeyIsNull_WithValidKey_ItIsNamed()
    {
        var identity = await app.Admin().CreateIdentityAsync($"{Guid.NewGuid():N}@example.com");
        var key = (await (await app.Admin().PostJsonAsync("/admin/api-keys", """{"name":"support","scopes":["impersonate"]}""")).JsonAsync())["key"]!.GetValue<string>();
        var keyed = app.Admin();
        keyed.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        var anonymous = await app.Admin().PostJsonAsync($"/admin/identities/{identity["id"]}/impersonate", """{"reason":"no key"}""");
        var named = await keyed.PostJsonAsync($"/admin/identities/{identity["id"]}/impersonate", """{"reason":"with key"}""");
        var anonymousImpersonator = (await anonymous.JsonAsync())["session"]!["impersonator"]!;
        var namedImpersonator = (await named.JsonAsync())["session"]!["impersonator"]!;

        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        Assert.Null(anonymousImpersonator["key_id"]);
        Assert.Null(anonymousImpersonator["key_name"]);
        Assert.Equal("no key", anonymousImpersonator["reason"]!.GetValue<string>());
        Assert.Equal("support", namedImpersonator["key_name"]!.GetValue<string>());
    }
}
