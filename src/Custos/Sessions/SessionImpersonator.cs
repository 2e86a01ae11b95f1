using System.Text.Json.Nodes;

namespace Custos.Sessions;

/// <summary>
/// Who started an impersonated session and why (issue 14 §4): the admin API key (null when the admin API took none,
/// <c>serve.admin.api_key_required: false</c>) and the reason given. Shown as <c>impersonator</c> in the session's JSON.
/// </summary>
internal sealed record SessionImpersonator(Guid? KeyId, string? KeyName, string Reason)
{
    public JsonObject ToJson() => new()
    {
        ["key_id"] = KeyId?.ToString("D"),
        ["key_name"] = KeyName,
        ["reason"] = Reason,
    };

    public static SessionImpersonator? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json) || JsonNode.Parse(json) is not JsonObject o)
        {
            return null;
        }

        var keyId = o["key_id"]?.GetValue<string>();
        return new SessionImpersonator(keyId is null ? null : Guid.Parse(keyId), o["key_name"]?.GetValue<string>(), o["reason"]?.GetValue<string>() ?? "");
    }
}
