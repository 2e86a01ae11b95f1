using System.Text.Json.Nodes;

namespace Custos.SelfService.Flows.Recovery;

/// <summary>A recovery flow (<c>recoveryFlow</c>).</summary>
internal sealed class RecoveryFlow : Flow
{
    public override FlowKind Kind => FlowKind.Recovery;

    /// <summary>Set on flows an admin created with <c>POST /admin/recovery/code</c>: the link is opened without the flow's CSRF cookie.</summary>
    public bool SkipCsrfCheck { get; set; }

    /// <summary>The <c>skip_settings</c> query of the creating request: after recovery go to the return URL, not to settings.</summary>
    public bool SkipSettings { get; set; }

    /// <summary>The address the last code or link went to (the resend button posts it again).</summary>
    public string? SentTo { get; set; }

    /// <summary><c>continue_with</c> of a completed flow (stored so that a later GET shows it).</summary>
    public JsonArray? ContinueWith { get; set; }

    public override void WriteContext(JsonObject context)
    {
        context["skip_csrf_check"] = SkipCsrfCheck;
        context["skip_settings"] = SkipSettings;
        context["sent_to"] = SentTo;
        context["continue_with"] = ContinueWith?.DeepClone();
    }

    public override void ReadContext(JsonObject context)
    {
        SkipCsrfCheck = context["skip_csrf_check"]?.GetValue<bool>() ?? false;
        SkipSettings = context["skip_settings"]?.GetValue<bool>() ?? false;
        SentTo = context["sent_to"]?.GetValue<string>();
        ContinueWith = context["continue_with"] as JsonArray;
    }

    public override JsonObject ToJson()
    {
        var o = new JsonObject { ["id"] = Id.ToString("D") };
        AddCommon(o);
        o["state"] = State;
        if (ContinueWith is { Count: > 0 })
        {
            o["continue_with"] = ContinueWith.DeepClone();
        }

        AddTransientPayload(o);
        return o;
    }
}
