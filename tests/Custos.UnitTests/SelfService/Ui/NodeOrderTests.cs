using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Ui;

// Expected orders are Kratos's: the fixtures of ui/node/node_test.go (TestNodesSort) and
// selfservice/flow/registration/sort_test.go, written here as (group, name, value) triples.
public sealed class NodeOrderTests
{
    private const string Csrf = "Sk3WySQDVpL5V9IuQelZTXcRVbBE1STI0HAJEcHOnM0=";

    // traits.abcd, traits.email, traits.website: the shape of Kratos's sort fixtures 2 and 3.
    private static readonly IReadOnlyList<string> AbcdEmailWebsite = SchemaKeyOrder.Of(JsonDocument.Parse("""
        {"type":"object","properties":{"traits":{"type":"object","properties":{
          "abcd":{"type":"string"},"email":{"type":"string","format":"email"},"website":{"type":"string","format":"uri"}}}}}
        """).RootElement);

    [Fact]
    public void KratosFixture1_OidcProvidersByValue_PasswordIdentifierBeforePassword()
    {
        var order = new NodeOrder(["default", "profile", "oidc", "password", "link", "link"], ["csrf_token", "password_identifier", "password"], []);
        var nodes = Nodes(
            ("oidc", "method", "oidc"), ("password", "password_identifier", ""), ("oidc", "oidc.provider", "google"),
            ("oidc", "oidc.provider", "github"), ("password", "method", "password"), ("default", "csrf_token", Csrf),
            ("oidc", "oidc.provider", "hydra"), ("password", "password", null));

        order.Sort(nodes);

        Assert.Equal(
            ["default/csrf_token", "oidc/oidc.provider=github", "oidc/oidc.provider=google", "oidc/oidc.provider=hydra", "oidc/method",
             "password/password_identifier", "password/password", "password/method"],
            Names(nodes));
    }

    [Fact]
    public void KratosFixture2_PasswordAfterTheFirstSchemaKey()
    {
        var order = new NodeOrder(["default", "oidc", "password"], ["csrf_token", AbcdEmailWebsite[0], "password", .. AbcdEmailWebsite.Skip(1)], []);
        var nodes = Fixture2And3Input(withPassword: true);

        order.Sort(nodes);

        Assert.Equal(
            ["default/csrf_token", "oidc/oidc.provider=github", "oidc/oidc.provider=google", "oidc/oidc.provider=hydra", "oidc/method",
             "password/traits.abcd", "password/password", "password/traits.email", "password/method"],
            Names(nodes));
    }

    [Fact]
    public void KratosFixture3_SchemaKeysOnly()
    {
        var order = new NodeOrder(["default", "oidc", "password"], AbcdEmailWebsite, []);
        var nodes = Fixture2And3Input(withPassword: false);

        order.Sort(nodes);

        Assert.Equal(
            ["default/csrf_token", "oidc/oidc.provider=github", "oidc/oidc.provider=google", "oidc/oidc.provider=hydra", "oidc/method",
             "password/traits.abcd", "password/traits.email", "password/method"],
            Names(nodes));
    }

    [Fact]
    public void KratosRegistrationSortFixture_CsrfThenIdentifierThenPasswordThenOtherTraits()
    {
        var keys = SchemaKeyOrder.Of(JsonDocument.Parse("""
            {"type":"object","properties":{"traits":{"type":"object","properties":{"username":{"type":"string"},"foobar":{"type":"string"}}}}}
            """).RootElement);
        var nodes = Nodes(("default", "traits.foobar", null), ("default", "traits.username", null), ("default", "csrf_token", Csrf),
            ("password", "password", null), ("password", "method", "password"));

        NodeOrder.Registration(keys).Sort(nodes);

        Assert.Equal(["default/csrf_token", "default/traits.username", "password/password", "default/traits.foobar", "password/method"], Names(nodes));
    }

    [Fact]
    public void Login_OidcFirstThenDefaultThenMethodsInGroupRank_MethodLastInEachGroup()
    {
        var nodes = Nodes(
            ("default", "csrf_token", Csrf), ("default", "identifier", ""), ("password", "password", null), ("password", "method", "password"),
            ("code", "method", "code"), ("oidc", "provider", "google"), ("lookup_secret", "lookup_secret", null),
            ("totp", "totp_code", null), ("totp", "method", "totp"), ("lookup_secret", "method", "lookup_secret"));

        NodeOrder.Login.Sort(nodes);

        Assert.Equal(
            ["oidc/provider=google", "default/csrf_token", "default/identifier", "code/method", "password/password", "password/method",
             "totp/totp_code", "totp/method", "lookup_secret/lookup_secret", "lookup_secret/method"],
            Names(nodes));
    }

    [Fact]
    public void Login_GroupNotInTheRankList_ComesFirst()
    {
        var nodes = Nodes(("default", "csrf_token", Csrf), ("identifier_first", "method", "identifier_first"), ("identifier_first", "identifier", ""));

        NodeOrder.Login.Sort(nodes);

        Assert.Equal(["identifier_first/identifier", "identifier_first/method", "default/csrf_token"], Names(nodes));
    }

    [Fact]
    public void Login_CodeSentNodes_SortedAgainOnError_CsrfFirst_NilValueBeforeStrings()
    {
        // The "code sent" form (csrf_token last, as added) is re-sorted when a wrong code is answered as invalid.
        var nodes = Nodes(("code", "identifier", "a@example.com"), ("code", "method", "code"), ("code", "code", null),
            ("code", "method", "code"), ("code", "resend", "code"), ("default", "csrf_token", Csrf));
        nodes[1].Attributes["type"] = "hidden";

        NodeOrder.Login.Sort(nodes);

        Assert.Equal(["default/csrf_token", "code/identifier", "code/code", "code/resend", "code/method", "code/method"], Names(nodes));
        Assert.Equal("hidden", nodes[4].Attributes["type"]!.GetValue<string>()); // equal values keep their order
    }

    [Fact]
    public void Settings_TraitsBySchema_SecondFactorsByTheirKeyList()
    {
        var keys = SchemaKeyOrder.Of(JsonDocument.Parse("""
            {"type":"object","properties":{"traits":{"type":"object","properties":{"email":{"type":"string"},"name":{"type":"object","properties":{"first":{"type":"string"},"last":{"type":"string"}}}}}}}
            """).RootElement);
        var nodes = Nodes(
            ("totp", "totp_code", null), ("totp", "totp_secret_key", null), ("totp", "totp_qr", null), ("totp", "method", "totp"),
            ("lookup_secret", "lookup_secret_regenerate", true), ("lookup_secret", "method", "lookup_secret"), ("lookup_secret", "lookup_secret_reveal", true),
            ("profile", "traits.name.last", null), ("profile", "method", "profile"), ("profile", "traits.email", null), ("profile", "traits.name.first", null),
            ("password", "method", "password"), ("password", "password", null), ("default", "csrf_token", Csrf));

        NodeOrder.Settings(keys).Sort(nodes);

        Assert.Equal(
            ["default/csrf_token", "profile/traits.email", "profile/traits.name.first", "profile/traits.name.last", "profile/method",
             "password/password", "password/method", "lookup_secret/lookup_secret_reveal", "lookup_secret/lookup_secret_regenerate",
             "lookup_secret/method", "totp/totp_qr", "totp/totp_secret_key", "totp/totp_code", "totp/method"],
            Names(nodes));
    }

    [Fact]
    public void MoreThanTwentyNodes_LandWhereGosSortSliceStablePutsThem()
    {
        // Expected order computed with Go's sort.SliceStable and Kratos's comparison. Plain insertion sort gives another
        // order here: the comparison is not transitive (different groups are "equal"), so only Go's block insertion
        // sort + SymMerge reproduces it. Unlisted groups (profile, captcha) rank first and are never reordered between them.
        var order = new NodeOrder(NodeOrder.Login.Groups, NodeOrder.Login.Keys, []);
        var nodes = Nodes(("totp", "identifier", "code"), ("profile", "code", "code"), ("code", "x", "a"), ("profile", "x", "password"), ("totp", "resend", "b"),
            ("lookup_secret", "code", false), ("default", "identifier", "code"), ("profile", "provider", "password"), ("code", "method", null),
            ("captcha", "address", "password"), ("oidc", "csrf_token", "password"), ("password", "traits.name", "code"), ("webauthn", "provider", true),
            ("profile", "traits.email", true), ("lookup_secret", "provider", null), ("oidc", "provider", null), ("passkey", "method", ""),
            ("default", "traits.name", "code"), ("default", "csrf_token", "code"), ("password", "address", "password"), ("oidc", "method", "b"),
            ("webauthn", "csrf_token", ""), ("passkey", "csrf_token", null), ("code", "traits.name", true), ("default", "method", "code"),
            ("totp", "password", false), ("webauthn", "resend", ""));

        order.Sort(nodes);

        Assert.Equal(
            ["profile/code=code", "profile/x=password", "profile/provider=password", "captcha/address=password", "profile/traits.email=true",
             "oidc/csrf_token=password", "oidc/provider=<nil>", "oidc/method=b", "default/csrf_token=code", "default/identifier=code",
             "default/traits.name=code", "password/traits.name=code", "password/address=password", "default/method=code", "webauthn/csrf_token=",
             "webauthn/resend=", "webauthn/provider=true", "passkey/csrf_token=<nil>", "passkey/method=", "code/x=a", "code/traits.name=true",
             "code/method=<nil>", "totp/identifier=code", "totp/password=false", "totp/resend=b", "lookup_secret/provider=<nil>", "lookup_secret/code=false"],
            nodes.Select(n => n.Group + "/" + n.Key + "=" + NodeOrder.GoValueText(n)));
    }

    [Theory]
    [InlineData(null, "<nil>")]
    [InlineData("abc", "abc")]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    [InlineData(42, "42")]
    public void GoValueText_PrintsValuesAsGo(object? value, string expected)
    {
        var node = UiNode.Input("default", "x", "text", JsonSerializer.SerializeToNode(value));

        Assert.Equal(expected, NodeOrder.GoValueText(node));
    }

    private static List<UiNode> Fixture2And3Input(bool withPassword)
    {
        var nodes = Nodes(("password", "method", "password"), ("password", "password", null), ("oidc", "method", "oidc"), ("default", "csrf_token", Csrf),
            ("password", "traits.email", null), ("oidc", "oidc.provider", "github"), ("oidc", "oidc.provider", "google"),
            ("oidc", "oidc.provider", "hydra"), ("password", "traits.abcd", null));
        if (!withPassword)
        {
            nodes.RemoveAt(1);
        }

        return nodes;
    }

    private static List<UiNode> Nodes(params (string Group, string Name, object? Value)[] nodes) =>
        [.. nodes.Select(n => UiNode.Input(n.Group, n.Name, n.Name == "method" ? "submit" : "text", JsonSerializer.SerializeToNode(n.Value)))];

    // group/name, with the value for the provider buttons that only it tells apart.
    private static List<string> Names(List<UiNode> nodes) =>
        [.. nodes.Select(n => n.Group + "/" + n.Key + (n.Key.EndsWith("provider", StringComparison.Ordinal) ? "=" + n.Value : ""))];
}
