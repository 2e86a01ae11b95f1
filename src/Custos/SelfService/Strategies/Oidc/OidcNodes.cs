using System.Text.Json.Nodes;
using Custos.Config;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Oidc;

// TEMPORARY until the nodes branch lands.
internal static class OidcNodes
{
    public static UiNode Button(OidcProviderOptions p, UiText label) => new()
    {
        Type = "input",
        Group = UiNodeGroup.Oidc,
        Attributes = new JsonObject { ["name"] = "provider", ["type"] = "submit", ["value"] = p.Id, ["disabled"] = false, ["node_type"] = "input" },
        Label = label,
    };

    public static UiNode ContinueButton(OidcProviderOptions p) => Button(p, Messages.InfoSelfServiceRegistrationContinue());
}
