using System.Text.Json.Nodes;

namespace Custos.SelfService.Flows.Registration;

/// <summary>A registration flow (<c>registrationFlow</c>).</summary>
internal sealed class RegistrationFlow : Flow
{
    public override FlowKind Kind => FlowKind.Registration;
    public string? IdentitySchema { get; set; }

    /// <summary>The init code of the flow's session token exchange: set only on the flow answering its creation, never stored.</summary>
    public string? SessionTokenExchangeCode { get; set; }

    public override void WriteContext(JsonObject context) => context["identity_schema"] = IdentitySchema;

    public override void ReadContext(JsonObject context) => IdentitySchema = context["identity_schema"]?.GetValue<string>();

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id.ToString("D") };
        AddCommon(o);
        o["organization_id"] = null;
        AddTransientPayload(o);
        if (SessionTokenExchangeCode is not null)
        {
            o["session_token_exchange_code"] = SessionTokenExchangeCode;
        }

        o["state"] = State;
        if (IdentitySchema is not null)
        {
            o["identity_schema"] = IdentitySchema;
        }

        return o;
    }
}
