using Custos.SelfService.Hooks.WebHooks;
using Custos.SelfService.Ui;

namespace Custos.UnitTests.SelfService.Hooks.WebHooks;

/// <summary>Interrupt messages land where Kratos puts them: on the node the pointer names, or on the form.</summary>
public sealed class WebHookInterruptsTests
{
    [Theory]
    [InlineData("#/traits/email", "traits.email")]
    [InlineData("#/traits/name/first", "traits.name.first")]
    [InlineData("#/a~1b/c~0d", "a/b.c~d")]
    [InlineData("#/", "")]
    [InlineData("", "")]
    [InlineData("#/identifier", "identifier")]
    public void Pointer_NamesTheNode(string pointer, string name)
    {
        Assert.Equal(name, WebHookInterrupts.NodeName(pointer));
    }

    [Fact]
    public void Messages_GoToExistingNodes_NewNodes_AndTheForm()
    {
        var ui = new UiContainer { Action = "https://auth.example.com/self-service/login?flow=1" };
        ui.Nodes.Add(UiNode.Input(UiNodeGroup.Default, "identifier", "text"));
        var blocked = new UiText(10001, "blocked", UiText.Error);
        var later = new UiText(4000001, "later", UiText.Info);
        var onEmail = new UiText(10002, "email", UiText.Error);

        WebHookInterrupts.ApplyTo(ui, [new("#/identifier", [blocked]), new("#/", [later]), new("#/traits/email", [onEmail])], UiNodeGroup.Password);

        Assert.Equal([blocked], ui.Find("identifier")!.Messages);
        Assert.Equal([later], ui.Messages);
        var created = ui.Find("traits.email")!;
        Assert.Equal([onEmail], created.Messages);
        Assert.Equal(UiNodeGroup.Password, created.Group);
    }
}
