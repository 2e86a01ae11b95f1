using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Strategies.Oidc.Providers.OpenIdConnect;

namespace Custos.UnitTests.Oidc;

/// <summary>Provider claims → <see cref="OidcClaims"/> as Kratos decodes them, and the authorization URL's shape.</summary>
public sealed class ClaimsReaderTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("\"true\"", true)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"false\"", false)]
    [InlineData("false", false)]
    [InlineData("1", false)]
    public void Email_verified_is_a_boolean_or_apples_string(string value, bool expected)
    {
        var claims = ClaimsReader.Read(JsonNode.Parse($$"""{"iss":"i","sub":"s","email_verified":{{value}}}""")!.AsObject());

        Assert.Equal(expected, claims.EmailVerified);
    }

    [Theory]
    [InlineData("1715000000", 1715000000)]
    [InlineData("\"2024-05-06T07:08:09Z\"", 1714979289)]
    [InlineData("\"yesterday\"", 0)]
    [InlineData("{}", 0)]
    public void Updated_at_is_seconds_or_auth0s_date_string(string value, long expected)
    {
        var claims = ClaimsReader.Read(JsonNode.Parse($$"""{"sub":"s","updated_at":{{value}}}""")!.AsObject(), "i");

        Assert.Equal(expected, claims.UpdatedAt);
    }

    [Theory]
    [InlineData("\"de-CH\"", "de-CH")]
    [InlineData("""{"language":"en","country":"US"}""", "en-US")]
    [InlineData("""{"country":"US"}""", "US")]
    [InlineData("""{"language":"en"}""", "en")]
    public void Locale_is_a_string_or_linkedins_object(string value, string expected)
    {
        var claims = ClaimsReader.Read(JsonNode.Parse($$"""{"sub":"s","locale":{{value}}}""")!.AsObject(), "i");

        Assert.Equal(expected, claims.Locale);
    }

    [Fact]
    public void Claims_of_the_wrong_type_are_left_out_but_kept_raw_and_fallbacks_fill_only_gaps()
    {
        var raw = JsonNode.Parse("""{"iss":"i","sub":"s","name":42,"given_name":"Token","amr":["pwd",1],"acr":"x"}""")!.AsObject();

        var claims = ClaimsReader.Read(raw, fallback: new Dictionary<string, string> { ["given_name"] = "Form", ["family_name"] = "Fam" });

        Assert.Null(claims.Name);
        Assert.Equal("Token", claims.GivenName);
        Assert.Equal("Fam", claims.FamilyName);
        Assert.Equal(["pwd"], claims.Amr);
        Assert.Equal(42, claims.ToJson()["raw_claims"]!["name"]!.GetValue<int>());
        Assert.Null(claims.Raw["family_name"]);
    }

    [Fact]
    public void The_issuer_argument_fills_only_a_missing_iss_and_the_subject_argument_replaces_sub()
    {
        var o = JsonNode.Parse("""{"iss":"from-token","sub":"s"}""")!.AsObject();

        Assert.Equal("from-token", ClaimsReader.Read(o, "fallback").Issuer);
        Assert.Equal("other", ClaimsReader.Read(o, subject: "other").Subject);
    }

    [Fact]
    public void The_authorization_url_is_sorted_escaped_like_go_and_appends_to_an_existing_query()
    {
        var config = new OidcProviderOptions { Id = "p", Provider = "generic", ClientId = "a b&c", MapperUrl = "base64://e30=" };
        var request = new OidcAuthorizationRequest("st/ate", "https://x.example/cb?x=1", null, false, new Dictionary<string, string> { ["login_hint"] = "v" });

        var url = AuthorizationUrl.Build("https://idp.example/auth?tenant=t", config, request, ["openid", "email"], []);

        Assert.Equal(
            "https://idp.example/auth?tenant=t&client_id=a+b%26c&redirect_uri=https%3A%2F%2Fx.example%2Fcb%3Fx%3D1&response_type=code&scope=openid+email&state=st%2Fate",
            url);
    }
}
