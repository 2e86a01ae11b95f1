using Custos.Config;
using Custos.Identity;
using Custos.Schema;
using Custos.SelfService.Flows;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Login;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;
using Microsoft.Extensions.Options;

namespace Custos.SelfService.Strategies.IdentifierFirst;

/// <summary>
/// The <c>identifier_first</c> login style (<c>selfservice.flows.login.style</c>): step 1 asks only for the identifier;
/// its submission finds the person and shows the methods they can use (step 2), or, with
/// <c>security.account_enumeration.mitigate</c>, the same methods for anyone, so the form tells nothing.
/// It never signs anyone in itself.
/// </summary>
internal sealed class IdentifierFirstStrategy(
    LoginForms forms,
    IPrivilegedIdentityPool identities,
    IdentitySchemaProvider schemas,
    IFlowStore store,
    IOptionsMonitor<CustosOptions> options) : ILoginStrategy
{
    public string Method => "identifier_first";

    public int Order => StrategyOrder.IdentifierFirst;

    public bool IsEnabled(CustosOptions o) => o.Selfservice.Flows.Login.Style == LoginStyle.IdentifierFirst;

    public async Task<bool> PopulateAsync(LoginFlow flow, LoginForm form, CancellationToken ct)
    {
        if (form.Mode != LoginFormMode.Identification)
        {
            return false;
        }

        var label = await LoginIdentifierLabel.ForAsync(schemas, flow.IdentitySchema ?? options.CurrentValue.Identity.DefaultSchemaId, ct);
        flow.Ui.Upsert(UiNode.Input(UiNodeGroup.IdentifierFirst, "identifier", "text", "", required: true, autocomplete: "username webauthn", label: label));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.IdentifierFirst, "method", "submit", Method, label: Messages.InfoNodeLabelContinue()));
        return true;
    }

    public async Task<StrategyOutcome<LoginSucceeded>> SubmitAsync(FlowSubmission<LoginFlow> submission, CancellationToken ct)
    {
        var flow = submission.Flow;
        if (submission.Method != Method || flow.RequestedAal != "aal1")
        {
            return StrategyOutcome<LoginSucceeded>.NotResponsible;
        }

        var identifier = FlowPayloadReader.GetString(submission.Payload, "identifier") ?? "";
        flow.Ui.Find("identifier")?.Value = identifier;
        if (identifier.Length == 0)
        {
            flow.Ui.AddMessage("identifier", Messages.ErrorValidationRequired("identifier"), UiNodeGroup.IdentifierFirst);
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        var mitigate = options.CurrentValue.Security.AccountEnumeration.Mitigate;
        // With mitigation the strategies are not told who it is, so every identifier gets the same-looking form.
        // Kratos looks the identifier up among every credential's identifiers, case-insensitively.
        var identity = mitigate ? null : await identities.FindByAnyCredentialsIdentifierAsync(identifier, ct);
        var populated = await forms.PopulateAsync(flow, new LoginForm(LoginFormMode.Credentials, identity, identifier, mitigate), ct);
        if (!populated && !mitigate)
        {
            flow.Ui.Messages.Add(Messages.ErrorValidationAccountNotFound());
            return StrategyOutcome<LoginSucceeded>.Invalid;
        }

        // A person whose only way in is a code gets it at once (Kratos's FastLogin1FA).
        if (identity is not null)
        {
            foreach (var fast in forms.Enabled().OfType<IFastLoginStrategy>())
            {
                if (await fast.FastFirstFactorAsync(flow, identity, identifier, ct) is { } outcome)
                {
                    await store.UpdateAsync(flow, ct);
                    return StrategyOutcome<LoginSucceeded>.Respond(outcome);
                }
            }
        }

        // Step 2 keeps the identifier in the form, hidden, and drops step 1's button.
        flow.Ui.Nodes.RemoveAll(n => n.Key == "method" && n.Group == UiNodeGroup.IdentifierFirst);
        if (flow.Ui.Find("identifier") is { } node)
        {
            node.Attributes["type"] = "hidden";
            node.Attributes["autocomplete"] = "username webauthn";
        }

        flow.Active = Method;
        await store.UpdateAsync(flow, ct);
        return StrategyOutcome<LoginSucceeded>.Respond(new FlowOutcome.Step(flow, StatusCodes.Status400BadRequest));
    }
}
