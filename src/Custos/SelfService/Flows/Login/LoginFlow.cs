using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.SelfService.Flows.Login;

/// <summary>A login flow (<c>loginFlow</c>).</summary>
internal sealed class LoginFlow : Flow
{
    public override FlowKind Kind => FlowKind.Login;
    public bool Refresh { get; set; }
    public string RequestedAal { get; set; } = "aal1";
    public string? IdentitySchema { get; set; }

    /// <summary>The init code of the flow's session token exchange: set only on the flow answering its creation, never stored.</summary>
    public string? SessionTokenExchangeCode { get; set; }

    public override void WriteContext(JsonObject context)
    {
        context["refresh"] = Refresh;
        context["requested_aal"] = RequestedAal;
        context["identity_schema"] = IdentitySchema;
    }

    public override void ReadContext(JsonObject context)
    {
        Refresh = context["refresh"]?.GetValue<bool>() ?? false;
        RequestedAal = context["requested_aal"]?.GetValue<string>() ?? "aal1";
        IdentitySchema = context["identity_schema"]?.GetValue<string>();
    }

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id.ToString("D"), ["organization_id"] = null };
        AddCommon(o);
        o["created_at"] = KratosTime.Format(CreatedAt);
        o["updated_at"] = KratosTime.Format(UpdatedAt);
        o["refresh"] = Refresh;
        o["requested_aal"] = RequestedAal;
        if (SessionTokenExchangeCode is not null)
        {
            o["session_token_exchange_code"] = SessionTokenExchangeCode;
        }

        o["state"] = State;
        AddTransientPayload(o);
        if (IdentitySchema is not null)
        {
            o["identity_schema"] = IdentitySchema;
        }

        return o;
    }
}
