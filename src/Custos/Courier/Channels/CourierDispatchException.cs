using System.Text.Json.Nodes;

namespace Custos.Courier.Channels;

/// <summary>
/// A failed delivery attempt. <see cref="Permanent"/> marks failures that a retry cannot fix (an SMTP 5xx answer), which
/// Kratos abandons at once. <see cref="ToErrorJson"/> is the error stored with the failed dispatch record: Kratos's
/// error shape, with a message free of recipients, codes and credentials.
/// </summary>
internal sealed class CourierDispatchException(string reason, string message, bool permanent = false, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>What went wrong in general terms, e.g. "failed to send email via smtp".</summary>
    public string Reason { get; } = reason;

    /// <summary>True when retrying cannot help.</summary>
    public bool Permanent { get; } = permanent;

    /// <summary>The error JSON of a failed dispatch for <paramref name="error"/>.</summary>
    public static string ToErrorJson(Exception error)
    {
        var (reason, message) = error is CourierDispatchException d ? (d.Reason, d.Message) : ("courier dispatch failed", error.GetType().Name);
        return new JsonObject
        {
            ["code"] = 500,
            ["status"] = "Internal Server Error",
            ["reason"] = reason,
            ["message"] = message,
        }.ToJsonString();
    }
}
