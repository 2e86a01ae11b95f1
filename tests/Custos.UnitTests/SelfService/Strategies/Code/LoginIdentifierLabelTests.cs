using System.Text.Json;
using Custos.SelfService.Strategies;

namespace Custos.UnitTests.SelfService.Strategies.Code;

/// <summary>The login identifier's label from the identity schema (§1.2 of the strategies contract).</summary>
public sealed class LoginIdentifierLabelTests
{
    private static JsonElement Schema(string traits) =>
        JsonDocument.Parse("""{"type":"object","properties":{"traits":{"type":"object","properties":""" + traits + "}}}").RootElement;

    [Fact]
    public void OneIdentifierTraitWithATitle_IsLabelledWithTheTitle()
    {
        var label = LoginIdentifierLabel.FromSchema(Schema("""
            {"email":{"type":"string","title":"E-Mail","ory.sh/kratos":{"credentials":{"code":{"identifier":true,"via":"email"}}}},
             "name":{"type":"string","title":"Name"}}
            """));

        Assert.Equal((1070002L, "E-Mail"), (label.Id, label.Text));
        Assert.Equal("traits.email", label.Context!["name"]);
    }

    [Theory]
    [InlineData("""{"email":{"type":"string","ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}}}""")]
    [InlineData("""{"email":{"type":"string","title":"E-Mail","ory.sh/kratos":{"credentials":{"password":{"identifier":true}}}},"phone":{"type":"string","title":"Phone","ory.sh/kratos":{"credentials":{"code":{"identifier":true,"via":"sms"}}}}}""")]
    [InlineData("""{"name":{"type":"string","title":"Name"}}""")]
    public void NoTitleOrSeveralIdentifierTraits_AreLabelledId(string traits)
    {
        var label = LoginIdentifierLabel.FromSchema(Schema(traits));

        Assert.Equal((1070004L, "ID"), (label.Id, label.Text));
    }
}
