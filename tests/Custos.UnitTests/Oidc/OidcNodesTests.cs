using Custos.Config;
using Custos.SelfService.Strategies.Oidc;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.Oidc;

/// <summary>The oidc nodes against Kratos's JSON (its <c>selfservice/strategy/oidc/.snapshots</c>, strategies contract §5.12).</summary>
public sealed class OidcNodesTests
{
    private static readonly OidcProviderOptions Unlabelled = new() { Id = "test-provider", Provider = "generic" };
    private static readonly OidcProviderOptions GitHub = new() { Id = "github", Provider = "github", Label = "GitHub" };

    private static string Json(UiNode node) => node.ToJson().ToJsonString();

    [Fact]
    public void LoginButton_IsKratosSignInWith_NamedByTheIdWithoutALabel()
    {
        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"provider","type":"submit","value":"test-provider","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010002,"text":"Sign in with test-provider","type":"info","context":{"provider":"test-provider","provider_id":"test-provider"}}}}""",
            Json(OidcNodes.LoginButton(Unlabelled)));
    }

    [Fact]
    public void RegistrationButton_UsesTheLabel_AndKeepsTheIdInTheContext()
    {
        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"provider","type":"submit","value":"github","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1040002,"text":"Sign up with GitHub","type":"info","context":{"provider":"GitHub","provider_id":"github"}}}}""",
            Json(OidcNodes.RegistrationButton(GitHub)));
    }

    [Fact]
    public void ContinueButton_HasNoContext()
    {
        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"provider","type":"submit","value":"github","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1040003,"text":"Continue","type":"info"}}}""",
            Json(OidcNodes.ContinueButton("github")));
    }

    [Fact]
    public void LinkAndUnlink_AreNamedLinkAndUnlink_WithTheProviderNameInTheContext()
    {
        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"link","type":"submit","value":"github","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1050002,"text":"Link GitHub","type":"info","context":{"provider":"GitHub"}}}}""",
            Json(OidcNodes.LinkButton(GitHub)));
        Assert.Equal(
            """{"type":"input","group":"oidc","attributes":{"name":"unlink","type":"submit","value":"test-provider","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1050003,"text":"Unlink test-provider","type":"info","context":{"provider":"test-provider"}}}}""",
            Json(OidcNodes.UnlinkButton(Unlabelled)));
    }

    [Fact]
    public void Add_KeepsOneButtonPerProvider_AndMovesARepeatedOneToTheEnd()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=f" };

        OidcNodes.Add(ui, OidcNodes.LoginButton(GitHub));
        OidcNodes.Add(ui, OidcNodes.LoginButton(Unlabelled));
        OidcNodes.Add(ui, OidcNodes.LoginButton(GitHub));

        Assert.Equal(["test-provider", "github"], ui.Nodes.Select(n => n.Value!.ToString()));
    }

    [Fact]
    public void RemoveProviderButtons_LeavesOtherNodes()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=f" };
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", "t", required: true));
        OidcNodes.Add(ui, OidcNodes.LoginButton(GitHub));
        ui.Nodes.Add(OidcNodes.LinkButton(GitHub));

        OidcNodes.RemoveProviderButtons(ui);

        Assert.Equal(["csrf_token", "link"], ui.Nodes.Select(n => n.Key));
    }
}
