using System.Text.Json;
using Custos.Schema.Stored;

namespace Custos.UnitTests.Schema;

public sealed class IdentitySchemaCheckTests
{
    private readonly IdentitySchemaCheck _check = new();

    [Fact]
    public void TheBuiltInDefaultSchema_Passes()
    {
        using var stream = typeof(IdentitySchemaCheck).Assembly.GetManifestResourceStream("Custos.Schema.Embedded.default-identity.schema.json")!;
        using var document = JsonDocument.Parse(stream);

        Assert.Empty(_check.Problems(document.RootElement));
    }

    [Fact]
    public void EveryExtensionMember_OfTheContract_Passes()
    {
        using var document = JsonDocument.Parse("""
            {"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"traits":{"type":"object","properties":{
              "email":{"type":"string","format":"email","ory.sh/kratos":{
                "credentials":{"password":{"identifier":true},"webauthn":{"identifier":true},"passkey":{"display_name":true},
                               "totp":{"account_name":true},"code":{"identifier":true,"via":"email"}},
                "verification":{"via":"email"},"recovery":{"via":"email"},"organizations":{"matcher":"email_domain"}}},
              "phone":{"type":"string","format":"tel","ory.sh/kratos":{"verification":{"via":"sms"},"credentials":{"code":{"identifier":true,"via":"sms"}}}},
              "name":{"type":"object","properties":{"first":{"type":"string"}}}}}}}
            """);

        Assert.Empty(_check.Problems(document.RootElement));
    }

    [Fact]
    public void AnExtensionDeepInsideItems_IsChecked()
    {
        using var document = JsonDocument.Parse("""
            {"type":"object","properties":{"traits":{"type":"object","properties":{
              "emails":{"type":"array","items":{"type":"string","ory.sh/kratos":{"credentials":{"sms":{}}}}}}}}}
            """);

        var problem = Assert.Single(_check.Problems(document.RootElement));

        Assert.Contains("/emails/items/ory.sh~1kratos/credentials/sms", problem, StringComparison.Ordinal);
    }
}
