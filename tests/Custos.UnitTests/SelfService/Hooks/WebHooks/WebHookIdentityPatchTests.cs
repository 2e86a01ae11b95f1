using System.Text.Json.Nodes;
using Custos.Hosting;
using Custos.SelfService.Hooks.WebHooks;

namespace Custos.UnitTests.SelfService.Hooks.WebHooks;

/// <summary>A parsed identity replaces the fields Kratos replaces, and leaves the rest.</summary>
public sealed class WebHookIdentityPatchTests
{
    private static Custos.Identity.Identity NewIdentity() => new()
    {
        Id = Guid.NewGuid(),
        SchemaId = "default",
        Traits = new JsonObject { ["email"] = "old@example.com" },
        MetadataPublic = new JsonObject { ["keep"] = true },
        MetadataAdmin = new JsonObject { ["crm"] = 1 },
        ExternalId = "ext-1",
    };

    [Fact]
    public void PresentFields_Replace_AbsentOrNullOnesStay()
    {
        var identity = NewIdentity();
        var patch = WebHookIdentityPatch.Read(JsonNode.Parse("""{"traits":{"email":"new@example.com"},"metadata_public":null,"metadata_admin":{"crm":2},"schema_id":""}""")!.AsObject());

        patch.ApplyTo(identity);

        Assert.Equal("new@example.com", identity.Traits["email"]!.GetValue<string>());
        Assert.True(identity.MetadataPublic!["keep"]!.GetValue<bool>());
        Assert.Equal(2, identity.MetadataAdmin!["crm"]!.GetValue<int>());
        Assert.Equal("default", identity.SchemaId);
        Assert.Equal("ext-1", identity.ExternalId);
    }

    [Fact]
    public void ExternalId_IsReplacedWheneverTheKeyIsPresent()
    {
        var identity = NewIdentity();

        WebHookIdentityPatch.Read(JsonNode.Parse("""{"external_id":null}""")!.AsObject()).ApplyTo(identity);

        Assert.Null(identity.ExternalId);
    }

    [Fact]
    public void Addresses_AndState_AreReplaced()
    {
        var identity = NewIdentity();

        WebHookIdentityPatch.Read(JsonNode.Parse("""{"state":"inactive","verifiable_addresses":[{"value":"a@example.com","via":"email","verified":true,"status":"completed"}],"recovery_addresses":[{"value":"a@example.com","via":"email"}]}""")!.AsObject()).ApplyTo(identity);

        Assert.Equal("inactive", identity.State);
        var address = Assert.Single(identity.VerifiableAddresses);
        Assert.True(address.Verified);
        Assert.Equal("a@example.com", Assert.Single(identity.RecoveryAddresses).Value);
    }

    [Fact]
    public void UnknownState_IsA500()
    {
        Assert.Equal(500, Assert.Throws<CustosException>(() => WebHookIdentityPatch.Read(JsonNode.Parse("""{"state":"deleted"}""")!.AsObject())).Code);
    }
}
