using System.Text.Json.Nodes;

namespace Custos.SelfService.Flows.Verification;

/// <summary>A verification flow (<c>verificationFlow</c>).</summary>
internal sealed class VerificationFlow : Flow
{
    public override FlowKind Kind => FlowKind.Verification;

    /// <summary>The address the last code or link went to (the resend button posts it again).</summary>
    public string? SentTo { get; set; }

    public override void WriteContext(JsonObject context) => context["sent_to"] = SentTo;

    public override void ReadContext(JsonObject context) => SentTo = context["sent_to"]?.GetValue<string>();

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id.ToString("D") };
        AddCommon(o);
        o["state"] = State;
        AddTransientPayload(o);
        return o;
    }
}
