using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.Identity;

/// <summary>
/// <c>PATCH /admin/identities/{id}</c> checks the shape of the JSON Patch before applying it: a malformed document is
/// a 400 with Kratos's envelope (reason "failed to unmarshal JSON patch" for wrong types, "failed to apply JSON patch"
/// for operations Kratos does not run, and for denied paths), and the identity is left as it was.
/// </summary>
public sealed class IdentityPatchShapeTests(CustosAppFactory app) : IClassFixture<CustosAppFactory>
{
    private const string Unmarshal = "failed to unmarshal JSON patch";
    private const string Apply = "failed to apply JSON patch";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { """[{"op":1,"path":"/traits"}]""", Unmarshal, "json: cannot unmarshal number into Go struct field patchOp.op of type string" },
        { """[{"op":"replace","path":5,"value":1}]""", Unmarshal, "json: cannot unmarshal number into Go struct field patchOp.path of type string" },
        { """[{"op":"add","path":"/metadata_public","value":1,"from":[]}]""", Unmarshal, "json: cannot unmarshal array into Go struct field patchOp.from of type string" },
        { """{"op":"replace","path":"/traits/email","value":"x@example.com"}""", Unmarshal, "json: cannot unmarshal object into Go value of type []identity.patchOp" },
        { """["replace"]""", Unmarshal, "json: cannot unmarshal string into Go value of type identity.patchOp" },
        { """[{"op":"replace","path":"/metadata_public","value":1},{"op":{},"path":"/x"}]""", Unmarshal, "json: cannot unmarshal object into Go struct field patchOp.op of type string" },
        { """[{"path":"/metadata_public","value":1}]""", Apply, "unsupported operation: unknown" },
        { """[{"op":"upsert","path":"/metadata_public","value":1}]""", Apply, "unsupported operation: upsert" },
        { """[{"op":"move","from":"/traits/email","path":"/metadata_public"}]""", Apply, "unsupported operation: move" },
        { """[{"op":"copy","from":"/traits/email","path":"/metadata_public"}]""", Apply, "unsupported operation: copy" },
        { """[{"op":"test","path":"/traits/email","value":"x"}]""", Apply, "unsupported operation: test" },
        { """[{"op":"remove"}]""", Apply, "error parsing patch operations: operation missing path field" },
        { """[{"op":"add","path":"/metadata_public"}]""", Apply, "the \"add\" operation on \"/metadata_public\" has no \"value\" member" },
        { """[{"op":"replace","path":"metadata_public","value":1}]""", Apply, "invalid JSON pointer \"metadata_public\": it must be empty or start with \"/\"" },
        { """[{"op":"add","path":"/metadata_public/a~2b","value":1}]""", Apply, "invalid JSON pointer \"/metadata_public/a~2b\": \"~\" must be followed by 0 or 1" },
        { """[{"op":"replace","path":"/metadata_public","value":1},{"op":"replace","path":"/traits/email"}]""", Apply, "the \"replace\" operation on \"/traits/email\" has no \"value\" member" },
    };

    // Kratos's deny list (case-insensitive globs): /id, /stateChangedAt, /credentials, /credentials/oidc/**, /credentials/saml/**.
    public static TheoryData<string> DeniedPaths => new()
    {
        "/id",
        "/ID",
        "/stateChangedAt",
        "/credentials",
        "/credentials/oidc",
        "/credentials/oidc/config/providers/0/subject",
        "/credentials/saml",
        "/credentials/SAML/identifiers/0",
    };

    [SkippableTheory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedPatch_Is400WithTheEnvelope_AndLeavesTheIdentityAlone(string patch, string reason, string message)
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple"))["id"]!.GetValue<string>();
        var before = await IdentityAsync(admin, id);

        var response = await admin.SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}", patch);

        await AssertErrorAsync(response, reason, message);
        Assert.Equal(before, await IdentityAsync(admin, id));
    }

    [SkippableTheory]
    [MemberData(nameof(DeniedPaths))]
    public async Task DeniedPath_Is400WithKratosMessage_AndLeavesTheIdentityAlone(string path)
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple"))["id"]!.GetValue<string>();
        var before = await IdentityAsync(admin, id);

        var response = await admin.SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}",
            $$$"""[{"op":"replace","path":"/metadata_public","value":{"a":1}},{"op":"replace","path":"{{{path}}}","value":"x"}]""");

        await AssertErrorAsync(response, Apply, $"patch includes denied path: {path}");
        Assert.Equal(before, await IdentityAsync(admin, id));
    }

    [SkippableFact]
    public async Task MalformedPatch_OfAnUnknownIdentity_Is404_AsInKratos()
    {
        var response = await app.Admin().SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{Guid.NewGuid()}", """[{"op":1}]""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableFact]
    public async Task PasswordCredentialConfig_StaysPatchable()
    {
        var admin = app.Admin();
        var id = (await admin.CreateIdentityAsync($"{Guid.NewGuid():N}@example.com", "correct horse battery staple"))["id"]!.GetValue<string>();

        var response = await admin.SendJsonAsync(HttpMethod.Patch, $"/admin/identities/{id}",
            """[{"op":"replace","path":"/credentials/password/config/hashed_password","value":"$2a$04$Z1bpwd1J1ZzZDUhHMcPWWe8m9vh4JnnHUBSB/ObjYyHDsODfDRsc2"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var identity = await (await admin.GetAsync($"/admin/identities/{id}?include_credential=password")).JsonAsync();
        Assert.StartsWith("$2a$04$Z1bpwd", identity["credentials"]!["password"]!["config"]!["hashed_password"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, string reason, string message)
    {
        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, body["error"]!["code"]!.GetValue<int>());
        Assert.Equal("Bad Request", body["error"]!["status"]!.GetValue<string>());
        Assert.Equal(reason, body["error"]!["reason"]!.GetValue<string>());
        Assert.Equal(message, body["error"]!["message"]!.GetValue<string>());
    }

    private static async Task<string> IdentityAsync(HttpClient admin, string id)
    {
        var response = await admin.GetAsync($"/admin/identities/{id}?include_credential=password");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).ToJsonString();
    }
}
