using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Courier;

/// <summary>Kratos's <c>message</c> JSON. Outside dev mode subject and body are redacted, as Kratos does, because they carry codes and links.</summary>
internal static class CourierMessageJson
{
    public const string Redacted = "<redacted-unless-dev-mode>";

    public static JsonObject ToJson(CourierMessage message, bool dev) => new()
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
}
