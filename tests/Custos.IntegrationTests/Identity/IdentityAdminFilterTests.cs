using System.Net;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Identity;

public sealed class IdentityAdminFilterTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    [Fact]
    public async Task Filters_Ids_Similar_AndIncludeCredential()
    {
        var admin = app.Admin();
        var prefix = Guid.NewGuid().ToString("N")[..10];
        var a = (await admin.CreateIdentityAsync($"{prefix}-a@example.com", "a-long-secret-passphrase"))["id"]!.GetValue<string>();
        var b = (await admin.CreateIdentityAsync($"{prefix}-b@example.com"))["id"]!.GetValue<string>();
        await admin.CreateIdentityAsync($"other-{prefix}@example.com");

        var byIds = (await (await admin.GetAsync($"/admin/identities?ids={a}&ids={b}")).JsonAsync()).AsArray();
        var similar = (await (await admin.GetAsync($"/admin/identities?preview_credentials_identifier_similar={prefix.ToUpperInvariant()}")).JsonAsync()).AsArray();
        var exact = (await (await admin.GetAsync($"/admin/identities?credentials_identifier={prefix}-A@EXAMPLE.COM&include_credential=password")).JsonAsync()).AsArray();

        Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), byIds.Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(2, similar.Count);
        Assert.Equal(a, Assert.Single(exact)!["id"]!.GetValue<string>());
        Assert.StartsWith("$", exact[0]!["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$2a$16$ZsCsoVQ3xfBG/K2z2XpBf.tm90GZmtOqtqWcB5.pYd5Eq8y7RlDyq", "exceed the bounds")]
    [InlineData("$argon2id$v=19$m=2000000,t=2,p=1$bVI1aE1SaTV6SGQ3bzdXdw$fnjCcZYmEPOUOjYXsT92Cg", "exceed the bounds")]
    [InlineData("$argon2id$v=19$m=abc$x$y", "could not be parsed")]
    public async Task Import_AbsurdOrBrokenHash_Returns400(string hash, string reason)
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{Guid.NewGuid():N}}}}}@example.com"},"credentials":{"password":{"config":{"hashed_password":"{{{{{hash}}}}}"}}}}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LegacyHash_IsStoredVerbatim()
    {
        const string hash = "$pbkdf2-sha256$i=1000,l=128$e8/arsEf4cvQihdNgqj0Nw$5xQQKNTyeTHx2Ld5/JDE7A";
        var response = await app.Admin().PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{Guid.NewGuid():N}}}}}@example.com"},"credentials":{"password":{"config":{"hashed_password":"{{{{{hash}}}}}"}}}}""");
        var id = (await response.JsonAsync())["id"]!.GetValue<string>();

        var stored = await (await app.Admin().GetAsync($"/admin/identities/{id}?include_credential=password")).JsonAsync();

        Assert.Equal(hash, stored["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"traits":{"email":"not-an-email"}}""", "/traits/email", "\"email\"")]
    [InlineData("""{"traits":{}}""", "/traits/email", "missing")]
    [InlineData("""{"traits":{"email":"a@example.com","age":"old"}}""", "/traits/age", "integer")]
    [InlineData("""{"traits":{"email":"a@example.com","shoe":42}}""", "/traits", "shoe")]
    public async Task Create_InvalidTraits_Returns400WithPointer(string body, string pointer, string fragment)
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", body);
        var reason = (await response.JsonAsync())["error"]!["reason"]!.GetValue<string>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"I[#{pointer}]", reason, StringComparison.Ordinal);
        Assert.Contains(fragment, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownSchemaId_Returns400()
    {
        var response = await app.Admin().PostJsonAsync("/admin/identities", """{"schema_id":"nope","traits":{"email":"a@example.com"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
