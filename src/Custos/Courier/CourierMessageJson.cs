using System.Text.Json;
using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Courier;

/// <summary>
/// Kratos's <c>message</c> JSON. Outside dev mode subject and body are redacted, as Kratos does, because they carry
/// codes and links. <c>dispatches</c> appears only when the message has any (Kratos's <c>omitempty</c>), newest first.
/// </summary>
internal static class CourierMessageJson
{
    public const string Redacted = "<redacted-unless-dev-mode>";

    public static JsonObject ToJson(CourierMessage message, bool dev)
    {
        var json = new JsonObject
        {
            ["id"] = message.Id.ToString("D"),
            ["status"] = message.Status,
            ["type"] = message.Type,
            ["recipient"] = message.Recipient,
            ["body"] = dev ? message.Body : Redacted,
            ["subject"] = dev ? message.Subject : Redacted,
            ["template_type"] = message.TemplateType,
            ["channel"] = message.Channel,
            ["send_count"] = message.SendCount,
            ["created_at"] = KratosTime.Format(message.CreatedAt),
            ["updated_at"] = KratosTime.Format(message.UpdatedAt),
        };
        if (message.Dispatches.Count > 0)
        {
            json["dispatches"] = new JsonArray(message.Dispatches.Select(d => (JsonNode?)Dispatch(d)).ToArray());
        }

        return json;
    }

    private static JsonObject Dispatch(CourierMessageDispatch dispatch)
    {
        var json = new JsonObject
        {
            ["id"] = dispatch.Id.ToString("D"),
            ["message_id"] = dispatch.MessageId.ToString("D"),
            ["status"] = dispatch.Status,
        };
        if (dispatch.Error is { Length: > 0 } error)
        {
            json["error"] = ParseOrString(error);
        }

        json["created_at"] = KratosTime.Format(dispatch.CreatedAt);
        json["updated_at"] = KratosTime.Format(dispatch.UpdatedAt);
        return json;
    }

    private static JsonNode? ParseOrString(string error)
    {
        try
        {
            return JsonNode.Parse(error);
        }
        catch (JsonException)
        {
            return JsonValue.Create(error);
        }
    }
}
