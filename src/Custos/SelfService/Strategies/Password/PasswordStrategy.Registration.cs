using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

internal sealed partial class PasswordStrategy
{
    /// <summary>The password field and the "Sign up" button of the registration form.</summary>
    public static void AddRegistrationNodes(UiContainer ui)
    {
        ui.Upsert(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "new-password", label: Messages.InfoNodeLabelInputPassword()));
        ui.Upsert(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password", label: Messages.InfoSelfServiceRegistration()));
    }
}
