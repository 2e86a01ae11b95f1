using Custos.Identity;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Strategies.Code;

/// <summary>The login nodes of the code method against Kratos's shapes (§1.4, §1.5 of the strategies contract).</summary>
public sealed class CodeNodesLoginTests
{
    private static string Json(UiNode node) => node.ToJson().ToJsonString();

    private static string Shape(UiContainer ui) =>
        string.Join(" | ", ui.Nodes.Select(n => $"{n.Group}:{n.Key}:{n.Attributes["type"]?.ToJsonString()}:{n.Value?.ToJsonString() ?? "-"}:{n.Label?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));

    /// <summary>A freshly created browser login flow with password and passwordless code.</summary>
    private static UiContainer CreatedFlow()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=f" };
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", "masked", required: true));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, label: Messages.InfoNodeLabelID()));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "current-password", label: Messages.InfoNodeLabelInputPassword()));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoSelfServiceLoginPassword()));
        ui.Nodes.Add(UiNode.Input("captcha", "captcha_turnstile_response", "hidden"));
        CodeNodes.AddLoginChooseMethod(ui, Messages.InfoNodeLabelID());
        return ui;
    }

    [Fact]
    public void FirstStep_HasTheSharedIdentifier_AndTheSendSignInCodeButton()
    {
        var ui = CreatedFlow();

        Assert.Equal(
            """{"type":"input","group":"default","attributes":{"name":"identifier","type":"text","value":"","required":true,"disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070004,"text":"ID","type":"info"}}}""",
            Json(ui.Nodes[1]));
        Assert.Equal(
            """{"type":"input","group":"code","attributes":{"name":"method","type":"submit","value":"code","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010015,"text":"Send sign in code","type":"info"}}}""",
            Json(ui.Nodes[^1]));
        Assert.Single(ui.Nodes, n => n.Key == "identifier");
    }

    [Fact]
    public void AnAddressButton_PostsTheAddress_WithItsChannelInTheLabel()
    {
        var node = CodeNodes.AddressButton(new CodeAddress(CodeAddress.Email, "jane@example.com"));

        Assert.Equal(
            """{"type":"input","group":"code","attributes":{"name":"address","type":"submit","value":"jane@example.com","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1010023,"text":"Send code to jane@example.com","type":"info","context":{"address":"jane@example.com","channel":"email"}}}}""",
            Json(node));
    }

    [Fact]
    public void CodeSent_OnABrowserFlow_KeepsTheIdentifierHidden_DropsOtherMethods_AndPutsCsrfLast()
    {
        var ui = CreatedFlow();
        ui.Messages.Add(Messages.InfoSelfServiceLogin());

        CodeNodes.ApplyLoginSent(ui, "jane@example.com", boundToSession: false, csrfToken: "remasked");

        Assert.Equal(
            "captcha:captcha_turnstile_response:\"hidden\":-:- | default:identifier:\"hidden\":\"jane@example.com\":1070004 | code:method:\"hidden\":\"code\":- | "
            + "code:code:\"text\":-:1070013 | code:method:\"submit\":\"code\":1070009 | code:resend:\"submit\":\"code\":1070008 | default:csrf_token:\"hidden\":\"remasked\":-",
            Shape(ui));
        Assert.Equal(
            """{"name":"code","type":"text","required":true,"autocomplete":"one-time-code","disabled":false,"node_type":"input"}""",
            ui.Nodes[3].Attributes.ToJsonString());
        Assert.Equal(1010014, Assert.Single(ui.Messages).Id);
        Assert.Equal("POST", ui.Method);
    }

    [Fact]
    public void CodeSent_OnAnApiFlow_HasNoCsrfToken()
    {
        var ui = CreatedFlow();

        CodeNodes.ApplyLoginSent(ui, "jane@example.com", boundToSession: false, csrfToken: null);

        Assert.DoesNotContain(ui.Nodes, n => n.Key == "csrf_token");
        Assert.Equal("resend", ui.Nodes[^1].Key);
    }

    [Fact]
    public void CodeSent_ForASecondFactor_TurnsEveryAddressButtonIntoAHiddenIdentifier_TheFirstCarryingTheChosenOne()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=f" };
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", "masked", required: true));
        CodeNodes.AddAddressButtons(ui, [new CodeAddress(CodeAddress.Sms, "+4917612345678"), new CodeAddress(CodeAddress.Email, "jane@example.com")]);

        CodeNodes.ApplyLoginSent(ui, "jane@example.com", boundToSession: true, csrfToken: "remasked");

        Assert.Equal(
            "code:identifier:\"hidden\":\"jane@example.com\":1010023 | code:identifier:\"hidden\":\"jane@example.com\":1010023 | code:method:\"hidden\":\"code\":- | "
            + "code:code:\"text\":-:1070013 | code:method:\"submit\":\"code\":1070009 | code:resend:\"submit\":\"code\":1070008 | default:csrf_token:\"hidden\":\"remasked\":-",
            Shape(ui));
        Assert.Equal("Send code to +4917612345678", ui.Nodes[0].Label!.Text);
        Assert.Equal(1010025, Assert.Single(ui.Messages).Id);
    }

    [Fact]
    public void AFailedVerify_ReplacesTheIdentifier_WithAHiddenOneWithoutLabel()
    {
        var ui = CreatedFlow();
        CodeNodes.ApplyLoginSent(ui, "jane@example.com", boundToSession: false, csrfToken: "t");

        CodeNodes.ApplyLoginError(ui, "jane@example.com", hideIdentifier: true);

        Assert.Equal(
            """{"type":"input","group":"default","attributes":{"name":"identifier","type":"hidden","value":"jane@example.com","disabled":false,"node_type":"input"},"messages":[],"meta":{}}""",
            Json(ui.Nodes.Single(n => n.Key == "identifier")));
    }

    [Fact]
    public void AFailedSend_KeepsTheIdentifierField_WithTheTypedValue()
    {
        var ui = CreatedFlow();

        CodeNodes.ApplyLoginError(ui, "jane@example.com", hideIdentifier: false);

        var identifier = ui.Nodes.Single(n => n.Key == "identifier");
        Assert.Equal("text", identifier.Attributes["type"]!.GetValue<string>());
        Assert.Equal("jane@example.com", identifier.Value!.GetValue<string>());
        Assert.Equal(1070004, identifier.Label!.Id);
    }
}
