using System.Text.Json.Nodes;

namespace Custos.SelfService.Flows.Settings;

/// <summary>A settings flow (<c>settingsFlow</c>); bound to one identity.</summary>
internal sealed class SettingsFlow : Flow
{
    public override FlowKind Kind => FlowKind.Settings;
    public required Guid IdentityId { get; init; }

    /// <summary>The identity as shown in the flow (public view); set before serialising.</summary>
    public JsonObject? IdentityJson { get; set; }

    /// <summary><c>continue_with</c> items of the last successful update (not stored).</summary>
    public JsonArray? ContinueWith { get; set; }

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id.ToString("D") };
        AddCommon(o);
        o["identity"] = IdentityJson?.DeepClone();
        o["state"] = State;
        o["organization_id"] = null;
        if (ContinueWith is { Count: > 0 })
        {
            o["continue_with"] = ContinueWith.DeepClone();
        }

        AddTransientPayload(o);
        return o;
    }
}
