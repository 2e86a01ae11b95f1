using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Mapper;

namespace Custos.UnitTests.Oidc;

/// <summary>The mapper output rules of Kratos's <c>strategy_registration.go</c> (strategies contract §5.5).</summary>
public sealed class OidcMapperOutputTests
{
    private const string TraitsMessage = "OpenID Connect Jsonnet mapper did not return an object for key identity.traits. Please check your Jsonnet code!";

    [Fact]
    public void Parse_ReturnsTraits_MetadataOnlyWhenPresent_AndNoAddresses()
    {
        var mapped = OidcMapperOutput.Parse("""{"identity":{"traits":{"email":"Jane@Example.com"},"metadata_public":{"plan":"free"}}}""");

        Assert.Equal("""{"email":"Jane@Example.com"}""", mapped.Traits.ToJsonString());
        Assert.Equal("""{"plan":"free"}""", mapped.MetadataPublic!.ToJsonString());
        Assert.Null(mapped.MetadataAdmin);
        Assert.Empty(mapped.VerifiedAddresses);
    }

    [Theory]
    [InlineData("""{"identity":{"traits":"this is not an object"}}""")]
    [InlineData("""{"identity":{"traits":null}}""")]
    [InlineData("""{"identity":{}}""")]
    [InlineData("""{"traits":{}}""")]
    [InlineData("""[]""")]
    [InlineData("""not json""")]
    public void Parse_RefusesTraitsThatAreNotAnObject_With500(string output)
    {
        var e = Assert.Throws<OidcMapperException>(() => OidcMapperOutput.Parse(output));

        Assert.Equal(TraitsMessage, e.Message);
        Assert.Equal(500, e.Status);
    }

    [Theory]
    [InlineData("metadata_public", "[]")]
    [InlineData("metadata_admin", "\"x\"")]
    [InlineData("metadata_admin", "null")]
    public void Parse_RefusesMetadataThatIsNotAnObject_With500(string key, string value)
    {
        var e = Assert.Throws<OidcMapperException>(() => OidcMapperOutput.Parse("{\"identity\":{\"traits\":{},\"" + key + "\":" + value + "}}"));

        Assert.Equal($"OpenID Connect Jsonnet mapper did not return an object for key identity.{key}. Please check your Jsonnet code!", e.Message);
        Assert.Equal(500, e.Status);
    }

    [Fact]
    public void Parse_TrimsAndLowerCasesEmailAddresses_Only()
    {
        var mapped = OidcMapperOutput.Parse("""
            {"identity":{"traits":{},"verified_addresses":[
              {"via":"email","value":"  Jane.Doe@Example.COM "},{"via":"sms","value":" +49 Ab "},{"value":"x"},null]}}
            """);

        Assert.Equal(
            [new OidcVerifiedAddress("email", "jane.doe@example.com"), new OidcVerifiedAddress("sms", " +49 Ab "), new OidcVerifiedAddress("", "x"), new OidcVerifiedAddress("", "")],
            mapped.VerifiedAddresses);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\"jane@example.com\"")]
    [InlineData("null")]
    public void Parse_RefusesVerifiedAddressesThatAreNotAnArray_With400(string value)
    {
        var e = Assert.Throws<OidcMapperException>(() => OidcMapperOutput.Parse("""{"identity":{"traits":{},"verified_addresses":""" + value + "}}"));

        Assert.Equal("OpenID Connect Jsonnet mapper did not return an array for key identity.verified_addresses. Please check your Jsonnet code!", e.Message);
        Assert.Equal(400, e.Status);
    }

    [Theory]
    [InlineData("""["jane@example.com"]""")]
    [InlineData("""[{"via":"email","value":42}]""")]
    [InlineData("""[{"via":true,"value":"a@b.c"}]""")]
    public void Parse_RefusesAddressesGoCannotUnmarshal_With400(string value)
    {
        var e = Assert.Throws<OidcMapperException>(() => OidcMapperOutput.Parse("""{"identity":{"traits":{},"verified_addresses":""" + value + "}}"));

        Assert.Equal("Failed to unmarshal value for key identity.verified_addresses. Please check your Jsonnet code!", e.Message);
        Assert.Equal(400, e.Status);
    }
}
