using System.Text.Json.Nodes;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Password;

internal sealed partial class PasswordStrategy : ILoginStrategy
{
    public async Task PopulateAsync(LoginFlow flow, string? identifier, CancellationToken ct)
    {
        var title = await IdentifierTitleAsync(flow.IdentitySchema, ct);
        var label = title is { } t ? Messages.InfoNodeLabelGenerated(t.Title, t.Name) : Messages.InfoNodeLabelID();
        flow.Ui.Upsert(identifier is null
            ? UiNode.Input(UiNodeGroup.Default, "identifier", "text", "", required: true, label: label)
            : UiNode.Input(UiNodeGroup.Default, "identifier", "hidden", identifier, required: true, label: label));
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "password", "password", required: true, autocomplete: "current-password", label: Messages.InfoNodeLabelInputPassword()));
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.Password, "method", "submit", "password",
            label: identifier is null ? Messages.InfoSelfServiceLoginPassword() : Messages.InfoSelfServiceLogin()));
    }

    public async Task<Identity.Identity?> LoginAsync(LoginFlow flow, JsonObject payload, CancellationToken ct)
    {
        var identifier = FlowPayloadReader.GetString(payload, "identifier") ?? FlowPayloadReader.GetString(payload, "password_identifier");
        var password = FlowPayloadReader.GetString(payload, "password");
        flow.Ui.Find("identifier")?.Value = identifier ?? "";
        var missing = false;
        if (string.IsNullOrEmpty(identifier))
        {
            flow.Ui.AddMessage("identifier", Messages.ErrorValidationRequired("identifier"));
            missing = true;
        }

        if (string.IsNullOrEmpty(password))
        {
            flow.Ui.AddMessage("password", Messages.ErrorValidationRequired("password"), UiNodeGroup.Password);
            missing = true;
        }

        if (missing)
        {
            return null;
        }

        var identity = await verifier.VerifyAsync(identifier!, password!, ct);
        if (identity is null)
        {
            flow.Ui.Messages.Add(Messages.ErrorValidationInvalidCredentials());
        }

        return identity;
    }
}
