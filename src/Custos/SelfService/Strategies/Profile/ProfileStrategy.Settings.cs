using System.Text.Json.Nodes;
using Custos.SelfService.Flows.Http;
using Custos.SelfService.Flows.Settings;
using Custos.SelfService.Flows.Submit;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Strategies.Profile;

/// <summary>
/// Settings: the identity's traits as a form (from its schema), and a change of them. A change of identifiers or
/// addresses needs a recent sign-in; other traits do not.
/// </summary>
internal sealed partial class ProfileStrategy : ISettingsStrategy
{
    public async Task PopulateAsync(SettingsFlow flow, Identity.Identity identity, CancellationToken ct)
    {
        var schema = await schemas.GetAsync(identity.SchemaId, ct);
        flow.Ui.Nodes.AddRange(TraitNodes.FromSchema(schema.Raw, UiNodeGroup.Profile, identity.Traits));
        flow.Ui.Nodes.Add(UiNode.Input(UiNodeGroup.Profile, "method", "submit", "profile", label: Messages.InfoNodeLabelSave()));
    }

    public async Task<StrategyOutcome<SettingsSucceeded>> SubmitAsync(FlowSubmission<SettingsFlow> submission, SettingsContext context, CancellationToken ct)
    {
        if (submission.Method != Method)
        {
            return StrategyOutcome<SettingsSucceeded>.NotResponsible;
        }

        var schema = await schemas.GetAsync(context.Identity.SchemaId, ct);
        FlowPayloadReader.CoerceTraits(submission.Payload, schema.Raw, submission.Request.IsForm);
        var submitted = submission.Payload["traits"];
        var change = await changes.PrepareAsync(context.Identity, submitted as JsonObject ?? [], ct);
        if (change.Errors.Count > 0)
        {
            // The form from the stored identity, then what the user typed and what is wrong with it.
            await context.RenderAsync(ct);
            var ui = submission.Flow.Ui;
            if (submitted is not null)
            {
                TraitNodes.ApplyValues(ui, submitted);
            }

            foreach (var (node, message) in change.Errors)
            {
                ui.AddMessage(node, message, UiNodeGroup.Profile);
            }

            return StrategyOutcome<SettingsSucceeded>.Invalid;
        }

        return change.TouchesCredentials && !context.IsPrivileged
            ? StrategyOutcome<SettingsSucceeded>.Respond(context.RefreshRequired())
            : StrategyOutcome<SettingsSucceeded>.Success(new SettingsSucceeded(change.Candidate));
    }
}
