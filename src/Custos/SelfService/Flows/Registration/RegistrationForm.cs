using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows.Registration;

/// <summary>
/// The form of one registration flow: the identity schema it is built from, the traits the client submitted, and its
/// screens. Every screen starts with the schema's trait nodes; the enabled strategies then add their own nodes. The
/// flow service makes one per request, so the profile strategy can show the other strategies' credential screen.
/// </summary>
internal sealed class RegistrationForm(
    RegistrationFlow flow,
    string schemaId,
    JsonElement schema,
    JsonObject traits,
    RegistrationScreen firstScreen,
    IReadOnlyList<IRegistrationStrategy> strategies)
{
    public RegistrationFlow Flow => flow;

    /// <summary>The flow's identity schema id (its <c>identity_schema</c>, or the default).</summary>
    public string SchemaId => schemaId;

    /// <summary>The submitted traits, coerced to the schema's types; empty on a new flow.</summary>
    public JsonObject Traits => traits;

    /// <summary>The screen a new flow starts on: <see cref="RegistrationScreen.Unified"/> or <see cref="RegistrationScreen.Profile"/>.</summary>
    public RegistrationScreen FirstScreen => firstScreen;

    /// <summary>Replaces the nodes (all but <c>csrf_token</c>) with <paramref name="screen"/>, trait values filled in, and sorts them.</summary>
    public async Task ShowAsync(RegistrationScreen screen, CancellationToken ct)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        foreach (var node in TraitNodes.FromSchema(schema, UiNodeGroup.Default, traits))
        {
            if (screen == RegistrationScreen.Credentials)
            {
                node.Attributes["type"] = "hidden";
            }

            flow.Ui.Nodes.Add(node);
        }

        foreach (var strategy in strategies)
        {
            await strategy.PopulateAsync(flow, screen, ct);
        }

        // Kratos sorts every screen it renders whole (a new flow, profile-first's steps), not in-place updates.
        SortNodes();
    }

    /// <summary>
    /// Replaces the nodes (all but <c>csrf_token</c>) with the schema's trait inputs filled with <paramref name="values"/>
    /// and no method's fields: the form social sign-in shows when a provider's data does not make a valid identity (the
    /// caller adds its own button and the messages).
    /// </summary>
    public void ShowTraits(JsonObject values)
    {
        flow.Ui.Nodes.RemoveAll(n => n.Key != "csrf_token");
        flow.Ui.Nodes.AddRange(TraitNodes.FromSchema(schema, UiNodeGroup.Default, values));
    }

    /// <summary>Puts the nodes in Kratos's registration order, traits in the order of this form's schema.</summary>
    public void SortNodes() => NodeOrder.Registration(SchemaKeyOrder.Of(schema)).Sort(flow.Ui.Nodes);

    /// <summary>
    /// Refuses the submission: keeps the submitted trait values in their nodes, as Kratos restores them, and adds
    /// <paramref name="messages"/> (see <see cref="AddMessages"/>).
    /// </summary>
    public void Reject(IEnumerable<(string Node, UiText Message)> messages)
    {
        TraitNodes.ApplyValues(flow.Ui, traits);
        AddMessages(messages);
    }

    /// <summary>Puts <paramref name="messages"/> on the flow, keyed by node name ("" for the form).</summary>
    public void AddMessages(IEnumerable<(string Node, UiText Message)> messages)
    {
        foreach (var (node, message) in messages)
        {
            flow.Ui.AddMessage(node, message, node == "password" ? UiNodeGroup.Password : UiNodeGroup.Default);
        }
    }
}
