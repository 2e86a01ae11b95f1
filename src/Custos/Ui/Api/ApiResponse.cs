using System.Text.Json.Nodes;
using Custos.Hosting;

namespace Custos.Ui.Api;

/// <summary>What the public API answered: the status, the <c>Location</c> of a redirect, and the JSON body (null when empty).</summary>
internal sealed record ApiResponse(int Status, string? Location, JsonNode? Body)
{
    /// <summary>The envelope the exception handler writes for <paramref name="e"/> on a real HTTP call.</summary>
    public static ApiResponse FromException(CustosException e) => new(e.Code, null, ErrorEnvelope.Build(e, null));

    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsRedirect => Status is >= 300 and < 400 && !string.IsNullOrEmpty(Location);

    /// <summary>The Kratos error envelope's <c>error</c> object, or null.</summary>
    public JsonObject? Error => Body is JsonObject o ? o["error"] as JsonObject : null;

    /// <summary><c>error.id</c> (<c>self_service_flow_expired</c>, <c>security_csrf_violation</c>, ...), or null.</summary>
    public string? ErrorId => Error?["id"]?.GetValue<string>();

    /// <summary>A string field at the top level of the body, or under <c>error.details</c> (Kratos puts <c>redirect_browser_to</c> in both).</summary>
    public string? Field(string name) =>
        (Body as JsonObject)?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : Error?["details"]?[name] is JsonValue d && d.TryGetValue<string>(out var ds) ? ds
        : null;
}
