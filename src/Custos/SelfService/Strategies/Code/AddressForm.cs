using System.Diagnostics.CodeAnalysis;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Code;

/// <summary>
/// The step of recovery and verification that sends a code or a link, as the code and link methods share it: its
/// nodes (the address and the method's button) and its checks.
/// </summary>
internal static class AddressForm
{
    /// <summary>
    /// Replaces every node but <c>csrf_token</c> with the address field (pre-filled with <paramref name="email"/>) and the
    /// submit button, both in the group named like the method, as Kratos groups them.
    /// </summary>
    public static void Show(UiContainer ui, string method, UiText label, string? email)
    {
        ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        ui.Nodes.Add(UiNode.Input(method, "email", "email", email, required: true, autocomplete: "email", label: Messages.InfoNodeLabelEmail()));
        ui.Nodes.Add(UiNode.Input(method, "method", "submit", method, label: label));
    }

    /// <summary>
    /// Whether a send may go on, checked in Kratos's order: the last step's messages go, an address is required (else
    /// <paramref name="missing"/> is flagged in <paramref name="group"/>), then the CSRF token. False: the flow carries the reason.
    /// </summary>
    public static bool Accepts<TFlow>(FlowSubmission<TFlow> submission, FlowFactory factory, [NotNullWhen(true)] string? email, string missing, string group)
        where TFlow : Flow
    {
        var flow = submission.Flow;
        flow.Ui.ResetMessages();
        factory.AddCsrfNode(flow);
        if (string.IsNullOrWhiteSpace(email))
        {
            flow.Ui.AddMessage(missing, Messages.ErrorValidationRequired(missing), group);
            return false;
        }

        if (submission.CheckCsrf() is { } refused)
        {
            flow.Ui.Messages.Add(refused);
            return false;
        }

        return true;
    }
}
