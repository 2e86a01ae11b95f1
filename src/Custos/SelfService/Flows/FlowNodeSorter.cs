using Custos.Schema;
using Custos.SelfService.Flows.Registration;
using Custos.SelfService.Ui;

namespace Custos.SelfService.Flows;

/// <summary>
/// Puts a login, registration or settings flow's nodes in Kratos's order (<see cref="NodeOrder"/>). As in Kratos the flow
/// services call it when a flow is created and when a flow error is rendered (the flow answered as invalid), before the
/// flow is stored; in-place updates such as "code sent" or revealing backup codes keep the order the nodes were added in.
/// Recovery and verification flows are never sorted.
/// </summary>
internal sealed class FlowNodeSorter(IdentitySchemaProvider schemas)
{
    /// <summary>
    /// Sorts <paramref name="flow"/>'s nodes. Registration and settings order traits by the identity schema:
    /// <paramref name="schemaId"/> (the identity's, for settings), else the registration flow's, else the default.
    /// </summary>
    public async Task SortAsync(Flow flow, string? schemaId, CancellationToken ct)
    {
        var order = flow.Kind switch
        {
            FlowKind.Login => NodeOrder.Login,
            FlowKind.Registration => NodeOrder.Registration(await SchemaKeysAsync(schemaId ?? ((RegistrationFlow)flow).IdentitySchema, ct)),
            FlowKind.Settings => NodeOrder.Settings(await SchemaKeysAsync(schemaId, ct)),
            _ => null,
        };
        order?.Sort(flow.Ui.Nodes);
    }

    private async Task<IReadOnlyList<string>> SchemaKeysAsync(string? schemaId, CancellationToken ct) =>
        SchemaKeyOrder.Of((await schemas.GetAsync(schemaId ?? schemas.DefaultSchemaId, ct)).Raw);
}
