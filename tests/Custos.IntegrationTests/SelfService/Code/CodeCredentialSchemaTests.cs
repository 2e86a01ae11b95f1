using System.Net;
using System.Text.Json.Nodes;
using Custos.IntegrationTests.Infrastructure;

namespace Custos.IntegrationTests.SelfService.Code;

/// <summary>The <c>code</c> credential derived from the identity schema (§1.2, §0.4 of the strategies contract), through the admin API.</summary>
public sealed class CodeCredentialSchemaTests : IDisposable
{
    private readonly CustosAppFactory _app = CodeApp.Create();

    public void Dispose() => _app.Dispose();

    private async Task<(HttpStatusCode Status, JsonNode Body)> CreateAsync(string traits)
    {
        var response = await _app.Admin().PostJsonAsync("/admin/identities", $$"""{"schema_id":"code","traits":{{traits}}}""");
        return (response.StatusCode, await response.JsonAsync());
    }

    private async Task<JsonNode> CodeCredentialAsync(string id) =>
        (await (await _app.Admin().GetAsync($"/admin/identities/{id}?include_credential=code")).JsonAsync())["credentials"]!["code"]!;

    [Fact]
    public async Task TheCredential_ListsEachAddressWithItsChannel_NormalisedAndSorted()
    {
        var (status, body) = await CreateAsync("""{"email":"Jane@Example.com","phone":"+49 176 1234-5678","backup":"jane@example.com"}""");

        Assert.Equal(HttpStatusCode.Created, status);
        var code = await CodeCredentialAsync(body["id"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"addresses":[{"channel":"sms","address":"+4917612345678"},{"channel":"email","address":"jane@example.com"}]}"""),
            code["config"]));
        Assert.Equal(1, code["version"]!.GetValue<int>());
        Assert.Equal(["+4917612345678", "jane@example.com"], code["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnUpdate_RebuildsTheCredentialFromTheNewTraits()
    {
        var (_, body) = await CreateAsync("""{"email":"jane@example.com","phone":"+4917612345678"}""");
        var id = body["id"]!.GetValue<string>();

        var updated = await _app.Admin().SendJsonAsync(HttpMethod.Put, $"/admin/identities/{id}", """{"schema_id":"code","traits":{"email":"john@example.com"}}""");

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var code = await CodeCredentialAsync(id);
        Assert.Equal("""{"addresses":[{"channel":"email","address":"john@example.com"}]}""", code["config"]!.ToJsonString());
        Assert.Equal(["john@example.com"], code["identifiers"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{"email":"jane@example.com","pigeon":"coo"}""", "channel type \"carrier-pigeon\" must be one of email, sms")]
    [InlineData("""{"email":"jane@example.com","phone":"not a number"}""", "the phone number supplied is not a number")]
    [InlineData("""{"email":"jane@example.com","phone":"12"}""", "the provided number is not a valid phone number")]
    public async Task AnUnusableCodeAddress_IsAValidationError(string traits, string message)
    {
        var (status, body) = await CreateAsync(traits);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, body["error"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
