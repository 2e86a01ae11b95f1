using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Identity;

public abstract class IdentityAdminUpdateTests<TFactory>(TFactory app) : IClassFixture<TFactory>
    where TFactory : CustosAppFactory
{
    private static string NewEmail() => $"{Guid.NewGuid():N}@example.com";

    [SkippableFact]
    public async Task Put_ReplacesTraits_ClearsOmittedMetadata_AndChangesState()
    {
        var admin = app.Admin();
        var created = await admin.PostJsonAsync("/admin/identities", $$$$$"""{"traits":{"email":"{{{{{NewEmail()}}}}}"},"metadata_public":{"a":1},"external_id":"x-{{{{{Guid.NewGuid():N}}}}}"}""");
        var id = (await created.JsonAsync())["id"]!.GetValue<string>();
        var newEmail = NewEmail();

        var response = await admin.SendJsonAsync(HttpMethod.Put, $"/admin/identities/{id}", $$$$$"""{"traits":{"email":"{{{{{newEmail}}}}}"},"state":"inactive"}""");
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(newEmail, body["traits"]!["email"]!.GetValue<string>());
        Assert.Equal("inactive", body["state"]!.GetValue<string>());
        Assert.Null(body["metadata_public"]);
        Assert.False(body.ContainsKey("external_id"));
        Assert.Equal(newEmail, body["credentials"]!["password"]!["identifiers"]![0]!.GetValue<string>());
        Assert.Equal(newEmail, body["verifiable_addresses"]![0]!["value"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Patch_ReplacesTrait_AndMarksAddressVerified()
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync(NewEmail()))["id"]!.GetValue<string>();

        var response = await admin.SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}", """
            [{"op":"replace","path":"/traits/name","value":{"first":"Ada"}},
             {"op":"replace","path":"/verifiable_addresses/0/verified","value":true},
             {"op":"add","path":"/metadata_admin","value":{"note":"vip"}}]
            """);
        var body = (await response.JsonAsync()).AsObject();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Ada", body["traits"]!["name"]!["first"]!.GetValue<string>());
        Assert.True(body["verifiable_addresses"]![0]!["verified"]!.GetValue<bool>());
        Assert.Equal("vip", body["metadata_admin"]!["note"]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("""[{"op":"replace","path":"/id","value":"00000000-0000-0000-0000-000000000000"}]""")]
    [InlineData("""[{"op":"move","from":"/traits/email","path":"/traits/x"}]""")]
    [InlineData("""[{"op":"replace","path":"/credentials/oidc","value":{}}]""")]
    [InlineData("""{"op":"replace"}""")]
    public async Task Patch_RefusedOperations_Return400(string patch)
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync(NewEmail()))["id"]!.GetValue<string>();

        var response = await admin.SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}", patch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [SkippableFact]
    public async Task Batch_CreatesEach_AndReportsPerItemErrors()
    {
        var admin = app.Admin();
        var email = NewEmail();
        var patchA = Guid.NewGuid();
        var patchB = Guid.NewGuid();

        var response = await admin.SendJsonAsync(HttpMethod.Patch, "/admin/identities", $$$$$"""
            {"identities":[{"create":{"traits":{"email":"{{{{{email}}}}}"}},"patch_id":"{{{{{patchA}}}}}"},
                           {"create":{"traits":{"email":"{{{{{email}}}}}"}},"patch_id":"{{{{{patchB}}}}}"}]}
            """);
        var items = (await response.JsonAsync())["identities"]!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("create", items[0]!["action"]!.GetValue<string>());
        Assert.Equal(patchA.ToString(), items[0]!["patch_id"]!.GetValue<string>());
        Assert.Equal("error", items[1]!["action"]!.GetValue<string>());
        Assert.Equal(409, items[1]!["error"]!["code"]!.GetValue<int>());
    }

    [SkippableTheory]
    [InlineData("""{"identities":[{"create":1}]}""")]
    [InlineData("""{"identities":[{"create":{"traits":{"email":"a@example.com"}}},{"create":"x"}]}""")]
    public async Task Batch_CreateThatIsNotAnObject_FailsTheWholeRequest(string body)
    {
        var admin = app.Admin();

        var response = await admin.SendJsonAsync(HttpMethod.Patch, "/admin/identities", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("identities[].create must be a JSON object.", (await response.JsonAsync())["error"]!["reason"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task DeleteCredential_LastFirstFactor_Refused_TotpRemoved()
    {
        var admin = app.Admin();
        var response = await admin.PostJsonAsync("/admin/identities", $$$$$"""
            {"traits":{"email":"{{{{{NewEmail()}}}}}"},"credentials":{"password":{"config":{"password":"a-long-secret-passphrase"}},"totp":{"config":{"totp_url":"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"}}}}
            """);
        var id = (await response.JsonAsync())["id"]!.GetValue<string>();

        var password = await admin.DeleteAsync($"/admin/identities/{id}/credentials/password");
        var totp = await admin.DeleteAsync($"/admin/identities/{id}/credentials/totp");
        var again = await admin.DeleteAsync($"/admin/identities/{id}/credentials/totp");
        var identity = await (await admin.GetAsync($"/admin/identities/{id}")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, totp.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Null(identity["credentials"]!["totp"]);
    }

    [SkippableFact]
    public async Task List_KeysetPagination_FollowsLinkHeader()
    {
        var admin = app.Admin();
        for (var i = 0; i < 3; i++)
        {
            await admin.CreateIdentityAsync(NewEmail());
        }

        var seen = new List<string>();
        string? next = "/admin/identities?page_size=2";
        var pages = 0;
        while (next is not null && pages++ < 100)
        {
            var response = await admin.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            seen.AddRange((await response.JsonAsync()).AsArray().Select(i => i!["id"]!.GetValue<string>()));
            next = response.Headers.TryGetValues("Link", out var links) ? NextLink(links.First()) : null;
        }

        Assert.True(seen.Count >= 3);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal).ToList(), seen);
    }

    [SkippableTheory]
    [InlineData("/admin/identities?page_token=not-a-token")]
    [InlineData("/admin/identities?page_size=0")]
    [InlineData("/admin/identities?ids=nope")]
    [InlineData("/admin/identities?include_credential=magic")]
    [InlineData("/admin/identities?ids=00000000-0000-0000-0000-000000000001&credentials_identifier=a")]
    public async Task List_BadQuery_Returns400(string url)
    {
        var response = await app.Admin().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string? NextLink(string header)
    {
        foreach (var part in header.Split(','))
        {
            if (part.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                var url = new Uri(part[(part.IndexOf('<', StringComparison.Ordinal) + 1)..part.IndexOf('>', StringComparison.Ordinal)]);
                return url.PathAndQuery;
            }
        }

        return null;
    }
}

public sealed class SqliteIdentityAdminUpdateTests(CustosAppFactory app) : IdentityAdminUpdateTests<CustosAppFactory>(app);

public sealed class PostgresIdentityAdminUpdateTests(PostgresAppFactory app) : IdentityAdminUpdateTests<PostgresAppFactory>(app);
