using System.Text.Json.Nodes;
using Custos.SelfService.Strategies.Code;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Strategies.Code;

/// <summary>The registration nodes of the code method against Kratos's shapes (§1.6 of the strategies contract).</summary>
public sealed class CodeNodesRegistrationTests
{
    private static string Shape(UiContainer ui) =>
        string.Join(" | ", ui.Nodes.Select(n => $"{n.Group}:{n.Key}:{n.Attributes["type"]?.ToJsonString()}:{n.Value?.ToJsonString() ?? "-"}:{n.Label?.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"));

    private static JsonObject Traits(string email = "jane@example.com") => new() { ["email"] = email, ["name"] = new JsonObject { ["first"] = "Jane" }, ["age"] = 42 };

    /// <summary>A unified registration form with password and code.</summary>
    private static UiContainer UnifiedForm(string? csrf = "masked")
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/registration?flow=f" };
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "csrf_token", "hidden", csrf ?? "", required: true));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "traits.email", "email", required: true, autocomplete: "email", label: Messages.InfoNodeLabelGenerated("E-Mail", "traits.email")));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "traits.name.first", "text"));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "traits.age", "number"));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "new-password", label: Messages.InfoNodeLabelInputPassword()));
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoSelfServiceRegistration()));
        CodeNodes.AddRegistrationMethod(ui);
        return ui;
    }

    [Fact]
    public void TheUnifiedForm_GetsTheSendSignUpCodeButton()
    {
        var ui = UnifiedForm();

        Assert.Equal(
            """{"type":"input","group":"code","attributes":{"name":"method","type":"submit","value":"code","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1040006,"text":"Send sign up code","type":"info"}}}""",
            ui.Nodes[^1].ToJson().ToJsonString());
    }

    [Fact]
    public void CodeSent_HidesTheTraits_WithTheSubmittedValues_AndAddsTheCodeForm()
    {
        var ui = UnifiedForm();
        ui.Nodes[1].Messages.Add(Messages.ErrorValidationRequired("email"));

        CodeNodes.ApplyRegistrationSent(ui, Traits(), twoSteps: false, csrfToken: "remasked");

        Assert.Equal(
            "default:csrf_token:\"hidden\":\"remasked\":- | default:traits.email:\"hidden\":\"jane@example.com\":1070002 | default:traits.name.first:\"hidden\":\"Jane\":- | "
            + "default:traits.age:\"hidden\":42:- | code:method:\"hidden\":\"code\":- | code:code:\"text\":-:1070012 | code:method:\"submit\":\"code\":1070009 | code:resend:\"submit\":\"code\":1070008",
            Shape(ui));
        Assert.Equal(1040005, Assert.Single(ui.Messages).Id);
        Assert.All(ui.Nodes, n => Assert.Empty(n.Messages));
    }

    [Fact]
    public void CodeSent_InATwoStepRegistration_EndsWithTheBackButton()
    {
        var ui = UnifiedForm();

        CodeNodes.ApplyRegistrationSent(ui, Traits(), twoSteps: true, csrfToken: null);

        Assert.Equal(
            """{"type":"input","group":"profile","attributes":{"name":"screen","type":"submit","value":"credential-selection","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1040008,"text":"Back","type":"info"}}}""",
            ui.Nodes[^1].ToJson().ToJsonString());
        Assert.Equal("masked", ui.Nodes.Single(n => n.Key == "csrf_token").Value!.GetValue<string>());
    }

    [Fact]
    public void BackOnTheCredentialStep_TheCodeFormIsReplacedByOneSendButton()
    {
        var ui = UnifiedForm();
        CodeNodes.ApplyRegistrationSent(ui, Traits(), twoSteps: true, csrfToken: null);

        CodeNodes.AddRegistrationMethod(ui);

        Assert.DoesNotContain(ui.Nodes, n => n.Key is "code" or "resend" or "screen");
        Assert.Equal(1040006, Assert.Single(ui.Nodes, n => n.Key == "method").Label!.Id);
    }

    [Fact]
    public void TheProfileStep_HasNoCodeNodes()
    {
        var ui = UnifiedForm();

        CodeNodes.RemoveRegistrationNodes(ui);

        Assert.DoesNotContain(ui.Nodes, n => n.Group == UiNodeGroup.Code);
    }

    [Fact]
    public void TraitsMatch_ComparesTheSubmittedTraits_WithTheHiddenNodes()
    {
        var ui = UnifiedForm();
        CodeNodes.ApplyRegistrationSent(ui, Traits(), twoSteps: false, csrfToken: null);
        var extra = Traits();
        extra["nickname"] = "jj";

        Assert.True(CodeNodes.TraitsMatch(ui, Traits()));
        Assert.False(CodeNodes.TraitsMatch(ui, Traits("john@example.com")));
        Assert.False(CodeNodes.TraitsMatch(ui, new JsonObject { ["email"] = "jane@example.com", ["age"] = 43 }));
        // As in Kratos, only submitted traits that have a node are compared.
        Assert.True(CodeNodes.TraitsMatch(ui, extra));
    }
}
