using Custos.Config;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.Oidc;

/// <summary>The account-linking login form (strategies contract §5.8 step 2; Kratos <c>populateAccountLinkingUI</c>).</summary>
public sealed class OidcLinkingFormTests
{
    private const string Email = "jane@example.com";

    private static UiContainer LoginForm()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=f" };
        OidcNodes.Add(ui, OidcNodes.LoginButton(new OidcProviderOptions { Id = "generic", Provider = "generic" }));
        OidcNodes.Add(ui, OidcNodes.LoginButton(new OidcProviderOptions { Id = "github", Provider = "github", Label = "GitHub" }));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", "t", required: true));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, label: Messages.InfoNodeLabelID()));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "current-password", label: Messages.InfoNodeLabelInputPassword()));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoSelfServiceLogin()));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Code, "method", "submit", "code", label: Messages.InfoSelfServiceLoginCode()));
        ui.Messages.Add(Messages.InfoSelfServiceLoginWith("x", "x"));
        return ui;
    }

    [Fact]
    public void Apply_DropsTheUsedProvider_RelabelsTheOthers_HidesTheIdentifier_AndExplains()
    {
        var ui = LoginForm();

        OidcLinkingForm.Apply(ui, "generic", "generic", Email, "https://auth.example.com/ui/login", [], [], loginHints: false);

        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"provider","type":"submit","value":"github","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010018,"text":"Confirm with GitHub","type":"info","context":{"provider":"GitHub"}}}}""",
            ui.Nodes[0].ToJson().ToJsonString());
        Assert.Equal(["github", "csrf_token", "identifier", "password", "method", "method"], ui.Nodes.Select(n => n.Value?.ToString() == "github" ? "github" : n.Key));
        Assert.Equal("hidden", ui.Find("identifier")!.Attributes["type"]!.ToString());
        Assert.Equal(Email, ui.Find("identifier")!.Value!.ToString());
        Assert.Equal(1010017, ui.Nodes[4].Label!.Id);
        Assert.Equal(1010015, ui.Nodes[5].Label!.Id);
        var message = Assert.Single(ui.Messages);
        Assert.Equal(
            """{"id":1010016,"text":"You tried to sign in with \"jane@example.com\", but that email is already used by another account. Sign in to your account with one of the options below to add your account \"jane@example.com\" at \"generic\" as another way to sign in.","type":"info","context":{"available_credential_types":[],"available_providers":[],"duplicateIdentifier":"jane@example.com","duplicate_identifier":"jane@example.com","newLoginUrl":"https://auth.example.com/ui/login","new_login_url":"https://auth.example.com/ui/login","provider":"generic"}}""",
            System.Text.Json.JsonSerializer.Serialize(UiTextJson.Write(message), new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void Apply_WithLoginHints_KeepsOnlyTheAvailableMethodsAndProviders()
    {
        var ui = LoginForm();

        OidcLinkingForm.Apply(ui, "generic", "generic", Email, "https://auth.example.com/ui/login", ["password"], [], loginHints: true);

        Assert.Equal(["csrf_token", "identifier", "password", "method"], ui.Nodes.Select(n => n.Key));
    }

    [Fact]
    public void UsedProviderName_FallsBackToTheKind_NotTheId()
    {
        Assert.Equal("generic", OidcLinkingForm.UsedProviderName(new OidcProviderOptions { Id = "my-idp", Provider = "generic" }, "my-idp"));
        Assert.Equal("Acme", OidcLinkingForm.UsedProviderName(new OidcProviderOptions { Id = "my-idp", Provider = "generic", Label = "Acme" }, "my-idp"));
        Assert.Equal("gone", OidcLinkingForm.UsedProviderName(null, "gone"));
    }
}
